package com.campaigntracker.command.api;

import com.campaigntracker.command.rules.InvalidField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The districts units and campaigns may name ({@code tracker.districts}, default Beijing's 16 districts and 全市):
 * a district is matched exactly by the leaders' scope, so a near miss ({@code 海淀区\u200b}, {@code 海淀}) would
 * create a unit its own district leader never sees.
 */
@Component
public class Districts {
    public static final String DEFAULT = "东城区,西城区,朝阳区,海淀区,丰台区,石景山区,门头沟区,房山区,通州区,顺义区,"
            + "昌平区,大兴区,怀柔区,平谷区,密云区,延庆区,全市";

    private final List<String> names;
    private final Set<String> known;

    public Districts(@Value("${tracker.districts:" + DEFAULT + "}") List<String> names) {
        this.names = names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        this.known = Set.copyOf(this.names);
    }

    public String check(String field, String district) {
        if (district != null && !district.isEmpty() && !known.contains(district)) {
            throw new InvalidField(field, district, "必须是以下区之一: " + String.join("、", names));
        }
        return district;
    }
}
