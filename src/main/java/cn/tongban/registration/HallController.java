package cn.tongban.registration;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 登记大厅 and their free appointment slots, for anyone without login (互联网+不动产登记建设指南 二（一）2 网上预约,
 * 8 信息公开).
 */
@RestController
@RequestMapping("/api/v1/public/registration/halls")
class HallController {

    private final Halls halls;

    HallController(Halls halls) {
        this.halls = halls;
    }

    /** The halls of the city, or of one district ({@code ?district=320402}). */
    @GetMapping
    List<Halls.Hall> halls(@RequestParam(required = false) String district) {
        return halls.list(district);
    }

    /** The slots of one working day ({@code ?date=2026-11-30}) with their free places. */
    @GetMapping("/{id}/slots")
    Halls.Day slots(@PathVariable int id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return halls.day(id, date);
    }
}
