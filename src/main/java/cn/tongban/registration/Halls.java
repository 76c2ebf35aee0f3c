package cn.tongban.registration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.NotFoundException;
import cn.tongban.kernel.RuleViolationException;
import cn.tongban.kernel.Violation;

/**
 * 登记大厅 and their appointment slots (互联网+不动产登记建设指南 二（一）2 网上预约: 选择业务办理机构、办理时间). A hall
 * receives on working days, Monday to Friday, in the opening periods configured for it (e.g. 09:00–11:30 and
 * 13:30–17:00), in slots of its slot length, each for as many applicants as its capacity; Asia/Shanghai. Public
 * holidays are not known to the platform yet: a hall closed on a weekday holiday cancels by phone.
 */
@Component
class Halls {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** How far ahead a slot may be booked. */
    static final int BOOKING_DAYS = 30;

    /** A hall as the public sees it. */
    record Hall(int id, String districtCode, String name, String address, String phone, int slotCapacity, int slotMinutes,
            String openingHours, String workingDays) {

        /** The start times of the day's slots: every slot that ends within an opening period. */
        List<LocalTime> slotTimes() {
            List<LocalTime> times = new ArrayList<>();
            for (String period : openingHours.split(",")) {
                LocalTime from = LocalTime.parse(period.substring(0, 5));
                LocalTime to = LocalTime.parse(period.substring(6, 11));
                for (LocalTime t = from; !t.plusMinutes(slotMinutes).isAfter(to) && !t.plusMinutes(slotMinutes).isBefore(t);
                        t = t.plusMinutes(slotMinutes)) {
                    times.add(t);
                }
            }
            return times;
        }
    }

    /** One slot of a day: its start, capacity, free places and whether it can still be booked. */
    record Slot(LocalTime time, int capacity, int free, boolean bookable) {
    }

    /** The slots of one hall on one day. */
    record Day(int hallId, LocalDate date, List<Slot> slots) {
    }

    private final JdbcClient jdbc;

    Halls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active halls, of one district if given (six digits), by district and name. */
    List<Hall> list(String district) {
        if (district != null && !district.matches("[0-9]{6}")) {
            throw new RuleViolationException(new Violation("district", "hall.district-format", district));
        }
        return jdbc.sql(SELECT + " WHERE active AND (CAST(? AS TEXT) IS NULL OR district_code = ?) ORDER BY district_code, id")
                .params(district, district).query(Halls::hall).list();
    }

    Optional<Hall> find(int id) {
        return jdbc.sql(SELECT + " WHERE active AND id = ?").param(id).query(Halls::hall).optional();
    }

    /** The slots of a working day within the booking window, each with its free places (past ones not bookable). */
    Day day(int hallId, LocalDate date) {
        Hall hall = find(hallId).orElseThrow(() -> new NotFoundException("registration-hall", hallId));
        checkDate(date);
        Map<LocalTime, Integer> booked = jdbc.sql("SELECT slot_time, booked FROM registration_slot WHERE hall_id = ? AND slot_date = ?")
                .params(hallId, date).query((rs, n) -> Map.entry(rs.getObject(1, LocalTime.class), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        LocalDateTime now = LocalDateTime.now(ZONE);
        List<Slot> slots = hall.slotTimes().stream().map(t -> {
            int free = Math.max(0, hall.slotCapacity() - booked.getOrDefault(t, 0));
            return new Slot(t, hall.slotCapacity(), free, free > 0 && date.atTime(t).isAfter(now));
        }).toList();
        return new Day(hallId, date, slots);
    }

    /** A day a hall receives on and that may be booked as far ahead: Monday to Friday, at most 30 days from today. */
    static void checkDate(LocalDate date) {
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            throw new RuleViolationException(new Violation(Appointments.DATE, "appointment.not-working-day", date.toString()));
        }
        if (date.isAfter(LocalDate.now(ZONE).plusDays(BOOKING_DAYS))) {
            throw new RuleViolationException(new Violation(Appointments.DATE, "appointment.too-far-ahead", BOOKING_DAYS));
        }
    }

    private static final String SELECT = """
            SELECT id, district_code, name, address, phone, slot_capacity, slot_minutes, opening_hours FROM registration_hall""";

    private static Hall hall(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hall(rs.getInt("id"), rs.getString("district_code"), rs.getString("name"), rs.getString("address"),
                rs.getString("phone"), rs.getInt("slot_capacity"), rs.getInt("slot_minutes"), rs.getString("opening_hours"),
                "MON-FRI");
    }
}
