package cn.tongban.registration;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 信息公开 (互联网+不动产登记建设指南 二（一）8): 登记材料、办理期限、收费依据 of every business type, for anyone, without
 * login.
 */
@RestController
class BusinessTypeController {

    private final BusinessTypes types;

    BusinessTypeController(BusinessTypes types) {
        this.types = types;
    }

    /** The business types and the fee rules they are charged by. */
    record Guide(List<BusinessTypes.BusinessType> types, BusinessTypes.Fees fees) {
    }

    @GetMapping("/api/v1/public/registration/business-types")
    Guide guide() {
        return new Guide(types.all(), types.fees());
    }
}
