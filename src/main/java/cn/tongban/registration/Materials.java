package cn.tongban.registration;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** PLACEHOLDER until the materials branch is merged: no uploads yet, so every required item not 免提交 is missing. */
@Component
class Materials {

    private final BusinessTypes types;

    Materials(BusinessTypes types) {
        this.types = types;
    }

    List<String> missing(String applicationNo, String businessType, Set<String> satisfiedByPlatform) {
        return types.get(businessType).materials().stream().filter(BusinessTypes.Material::required)
                .map(BusinessTypes.Material::item).filter(item -> !satisfiedByPlatform.contains(item)).toList();
    }
}
