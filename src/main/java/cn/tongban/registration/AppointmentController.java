package cn.tongban.registration;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;

/**
 * 网上预约 of a registration application (互联网+不动产登记建设指南 二（一）2): booked, replaced or cancelled by whoever may
 * see the application ({@link ApplicationAccess}); the visit recorded by the hall's registration staff.
 */
@RestController
@RequestMapping("/api/v1/registrations/{applicationNo}/appointment")
class AppointmentController {

    private static final String MAY_BOOK = "hasAuthority('" + Permissions.REGISTRATION_APPOINTMENT_BOOK + "') or hasRole('citizen')";

    private final Appointments appointments;

    AppointmentController(Appointments appointments) {
        this.appointments = appointments;
    }

    /** Books {@code {hallId, date, time}}, replacing the application's current booking. */
    @PreAuthorize(MAY_BOOK)
    @PostMapping
    ResponseEntity<Appointments.Appointment> book(@PathVariable String applicationNo, @RequestBody Appointments.Booking booking) {
        return ResponseEntity.status(201).body(appointments.book(applicationNo, booking));
    }

    /** The application's current booking. */
    @PreAuthorize(MAY_BOOK)
    @GetMapping
    Appointments.Appointment booked(@PathVariable String applicationNo) {
        return appointments.booked(applicationNo);
    }

    /** Cancels the application's booking. */
    @PreAuthorize(MAY_BOOK)
    @DeleteMapping
    ResponseEntity<Void> cancel(@PathVariable String applicationNo) {
        appointments.cancel(applicationNo);
        return ResponseEntity.noContent().build();
    }

    /** The applicant came: counts one hall visit against 一次都不跑. */
    @PreAuthorize("hasAuthority('" + Permissions.REGISTRATION_APPOINTMENT_ATTEND + "')")
    @PostMapping("/attended")
    Appointments.Appointment attended(@PathVariable String applicationNo) {
        return appointments.attended(applicationNo);
    }
}
