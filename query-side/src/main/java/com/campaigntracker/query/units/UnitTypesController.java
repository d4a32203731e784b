package com.campaigntracker.query.units;

import com.campaigntracker.shared.unit.UnitType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/**
 * 单位类型 and where each may sit in the 文明实践 hierarchy, derived from {@link UnitType#acceptsParent} so the
 * registration form offers exactly the parents the command side accepts.
 */
@RestController
public class UnitTypesController {
    private static final List<UnitTypeView> TYPES = Arrays.stream(UnitType.values()).map(UnitTypeView::of).toList();

    /**
     * One unit type.
     *
     * @param type               the constant, e.g. {@code PRACTICE_STATION}
     * @param label              the Chinese label, as units carry it in their {@code type} field, e.g. 实践站
     * @param allowedParentTypes labels of the types a unit of this type may be registered under
     * @param parentRequired     false when the unit may also stand directly under its district, without a parent
     */
    public record UnitTypeView(String type, String label, List<String> allowedParentTypes, boolean parentRequired) {
        static UnitTypeView of(UnitType t) {
            List<String> parents = Arrays.stream(UnitType.values()).filter(t::acceptsParent).map(UnitType::label)
                    .toList();
            return new UnitTypeView(t.name(), t.label(), parents, !t.acceptsParent(null));
        }
    }

    /** Every unit type, in the hierarchy's order (实践中心 first). */
    @GetMapping("/api/unit-types")
    public List<UnitTypeView> list() {
        return TYPES;
    }
}
