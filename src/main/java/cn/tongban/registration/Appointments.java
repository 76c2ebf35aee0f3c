package cn.tongban.registration;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.tongban.audit.AuditLog;
import cn.tongban.audit.AuditRecord;
import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;
import cn.tongban.kernel.ConflictException;
import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;
import cn.tongban.registration.ApplicationAccess.Application;
import cn.tongban.registration.Halls.Hall;

/**
 * 网上预约 (互联网+不动产登记建设指南 二（一）2; 三（一）1 与窗口预约衔接): an application's visit to a registration hall,
 * booked by whoever may see the application, at any hall of the city (全市通办: the hall need not be in the unit's
 * district). One booking per application at a time — a new one replaces it — and never more bookings in a slot than
 * the hall's capacity, however many arrive at once. A visit the hall records counts in the application's
 * {@code hall_visits}: an application with none was 一次都不跑 (一（六）2).
 */
@Component
class Appointments {

    static final String HALL = "hallId";
    static final String DATE = "date";
    static final String TIME = "time";
    /** The application can no longer lead to a visit: it ended. */
    private static final Set<String> ENDED = Set.of("REJECTED", "COMPLETED", "REFUSED", "WITHDRAWN");

    /** What a booking asks for. */
    record Booking(Integer hallId, LocalDate date, LocalTime time) {
    }

    /** A booking as the applicant and the hall see it. */
    record Appointment(long id, String applicationNo, int hallId, String hallName, String hallAddress, LocalDate date,
            LocalTime time, String status, OffsetDateTime bookedAt) {
    }

    private record Current(long id, int hallId, LocalDate date, LocalTime time) {
    }

    private final JdbcClient jdbc;
    private final ApplicationAccess access;
    private final Halls halls;
    private final CurrentCaller callers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    Appointments(JdbcClient jdbc, ApplicationAccess access, Halls halls, CurrentCaller callers, AuditLog audit,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.access = access;
        this.halls = halls;
        this.callers = callers;
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * Books a slot for the application, replacing its current booking. The hall must exist, the date be a working day
     * within the booking window, the time the start of one of the hall's slots and not past, and the slot have a
     * free place (else 409).
     */
    Appointment book(String applicationNo, Booking booking) {
        Application application = access.visible(applicationNo);
        requireOngoing(application.status());
        Hall hall = check(booking);
        String caller = callers.get().actorId();
        long id = transactions.execute(status -> {
            requireOngoing(lockApplication(applicationNo));
            Optional<Current> current = current(applicationNo);
            if (current.isPresent() && current.get().hallId() == hall.id() && current.get().date().equals(booking.date())
                    && current.get().time().equals(booking.time())) {
                return current.get().id(); // the same slot again: nothing to change
            }
            jdbc.sql("INSERT INTO registration_slot (hall_id, slot_date, slot_time, booked) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING")
                    .params(hall.id(), booking.date(), booking.time()).update();
            current.ifPresent(old -> lockSlotsInOrder(old, hall.id(), booking.date(), booking.time()));
            // the capacity check and the taking of a place in one statement: a parallel booking of the same slot waits
            // for this row and then sees the raised count
            int taken = jdbc.sql("""
                    UPDATE registration_slot SET booked = booked + 1
                     WHERE hall_id = ? AND slot_date = ? AND slot_time = ? AND booked < ?""")
                    .params(hall.id(), booking.date(), booking.time(), hall.slotCapacity()).update();
            if (taken == 0) {
                throw ConflictException.onField(TIME, "appointment.slot-full", booking.date().toString(), booking.time().toString());
            }
            OffsetDateTime now = OffsetDateTime.now(Halls.ZONE);
            current.ifPresent(old -> end(old, "REPLACED", caller, now));
            long newId = jdbc.sql("""
                    INSERT INTO registration_appointment (application_no, hall_id, slot_date, slot_time, status, booked_by, booked_at)
                    VALUES (?, ?, ?, ?, 'BOOKED', ?, ?) RETURNING id""")
                    .params(applicationNo, hall.id(), booking.date(), booking.time(), caller, now).query(Long.class).single();
            audit.record(AuditRecord.change("appointment-book", "registration-appointment", applicationNo + "/" + newId, null));
            return newId;
        });
        return appointment(id);
    }

    /** The application's current booking. */
    Appointment booked(String applicationNo) {
        access.visible(applicationNo);
        return current(applicationNo).map(c -> appointment(c.id()))
                .orElseThrow(() -> new NotFoundException("registration-appointment", applicationNo));
    }

    /** Cancels the application's booking, freeing its place. */
    void cancel(String applicationNo) {
        access.visible(applicationNo);
        String caller = callers.get().actorId();
        transactions.executeWithoutResult(status -> {
            lockApplication(applicationNo);
            Current current = current(applicationNo).orElseThrow(() -> new ConflictException("appointment.none", applicationNo));
            end(current, "CANCELLED", caller, OffsetDateTime.now(Halls.ZONE));
            audit.record(AuditRecord.change("appointment-cancel", "registration-appointment", applicationNo + "/" + current.id(), null));
        });
    }

    /**
     * Records that the applicant came for the booking: by registration staff of the application's district or of the
     * hall's (全市通办: the hall may be in another district). Raises the application's hall visits by one.
     */
    Appointment attended(String applicationNo) {
        Caller caller = callers.get();
        Application application = access.find(applicationNo)
                .orElseThrow(() -> new NotFoundException("registration-application", applicationNo));
        Optional<Current> booked = current(applicationNo);
        boolean mayRecord = caller.kind() == ActorKind.STAFF && (caller.seesDistrict(application.districtCode())
                || booked.flatMap(c -> halls.find(c.hallId())).map(h -> caller.seesDistrict(h.districtCode())).orElse(false));
        if (!mayRecord) {
            throw new NotFoundException("registration-application", applicationNo);
        }
        long id = transactions.execute(status -> {
            lockApplication(applicationNo);
            Current current = current(applicationNo).orElseThrow(() -> new ConflictException("appointment.none", applicationNo));
            jdbc.sql("UPDATE registration_appointment SET status = 'ATTENDED', ended_by = ?, ended_at = ? WHERE id = ?")
                    .params(caller.actorId(), OffsetDateTime.now(Halls.ZONE), current.id()).update();
            jdbc.sql("UPDATE registration_application SET hall_visits = hall_visits + 1 WHERE application_no = ?")
                    .param(applicationNo).update();
            audit.record(AuditRecord.change("appointment-attended", "registration-appointment", applicationNo + "/" + current.id(), null));
            return current.id();
        });
        return appointment(id);
    }

    private Hall check(Booking booking) {
        List<Violation> errors = new ArrayList<>();
        if (booking.hallId() == null) {
            errors.add(new Violation(HALL, "param.missing"));
        }
        if (booking.date() == null) {
            errors.add(new Violation(DATE, "param.missing"));
        }
        if (booking.time() == null) {
            errors.add(new Violation(TIME, "param.missing"));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException(errors);
        }
        Hall hall = halls.find(booking.hallId())
                .orElseThrow(() -> new RuleViolationException(new Violation(HALL, "appointment.hall-unknown", booking.hallId())));
        Halls.checkDate(booking.date());
        if (!hall.slotTimes().contains(booking.time())) {
            throw new RuleViolationException(new Violation(TIME, "appointment.not-a-slot", booking.time().toString(),
                    hall.openingHours(), hall.slotMinutes()));
        }
        if (!booking.date().atTime(booking.time()).isAfter(LocalDateTime.now(Halls.ZONE))) {
            throw new RuleViolationException(new Violation(TIME, "appointment.slot-past",
                    booking.date() + " " + booking.time()));
        }
        return hall;
    }

    private String lockApplication(String applicationNo) {
        return jdbc.sql("SELECT status FROM registration_application WHERE application_no = ? FOR UPDATE")
                .param(applicationNo).query(String.class).single();
    }

    /** Locks the old and the new slot in one order, so that two applications swapping slots cannot deadlock. */
    private void lockSlotsInOrder(Current old, int hallId, LocalDate date, LocalTime time) {
        jdbc.sql("""
                SELECT 1 FROM registration_slot
                 WHERE (hall_id, slot_date, slot_time) IN ((?, ?, ?), (?, ?, ?))
                 ORDER BY hall_id, slot_date, slot_time FOR UPDATE""")
                .params(old.hallId(), old.date(), old.time(), hallId, date, time).query(Integer.class).list();
    }

    private void end(Current current, String outcome, String caller, OffsetDateTime now) {
        jdbc.sql("UPDATE registration_appointment SET status = ?, ended_by = ?, ended_at = ? WHERE id = ?")
                .params(outcome, caller, now, current.id()).update();
        jdbc.sql("UPDATE registration_slot SET booked = booked - 1 WHERE hall_id = ? AND slot_date = ? AND slot_time = ?")
                .params(current.hallId(), current.date(), current.time()).update();
    }

    private Optional<Current> current(String applicationNo) {
        return jdbc.sql("""
                SELECT id, hall_id, slot_date, slot_time FROM registration_appointment
                 WHERE application_no = ? AND status = 'BOOKED'""")
                .param(applicationNo)
                .query((rs, n) -> new Current(rs.getLong(1), rs.getInt(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalTime.class)))
                .optional();
    }

    private Appointment appointment(long id) {
        return jdbc.sql("""
                SELECT a.id, a.application_no, a.hall_id, h.name, h.address, a.slot_date, a.slot_time, a.status, a.booked_at
                  FROM registration_appointment a JOIN registration_hall h ON h.id = a.hall_id WHERE a.id = ?""")
                .param(id)
                .query((rs, n) -> new Appointment(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalTime.class), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class).atZoneSameInstant(Halls.ZONE).toOffsetDateTime()))
                .single();
    }

    private static void requireOngoing(String status) {
        if (ENDED.contains(status)) {
            throw new ConflictException("appointment.application-closed", status);
        }
    }
}
