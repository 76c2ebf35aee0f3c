package cn.tongban.filing;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;

/** 住房套数 of a person, for banks, the provident fund, tax and housing staff; every query is audited. */
@RestController
class HousingCountController {

    private final HousingCount housingCount;

    HousingCountController(HousingCount housingCount) {
        this.housingCount = housingCount;
    }

    @PreAuthorize("hasAuthority('" + Permissions.HOUSING_COUNT_QUERY + "')")
    @GetMapping("/api/v1/housing-count")
    HousingCount.Result count(@RequestParam String idNumber) {
        return housingCount.of(idNumber);
    }
}
