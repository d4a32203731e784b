package com.campaigntracker.query.me;

import com.campaigntracker.query.units.UnitDocument;
import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.security.Actor;
import com.campaigntracker.security.CurrentActor;
import com.campaigntracker.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /api/me}: the signed-in account, its unit or district, and what it may do. */
@RestController
public class MeController {
    /** Depth of the 中心 → 所 → 站 hierarchy, with room to spare (a guard against a cycle in bad data). */
    private static final int MAX_DEPTH = 8;

    private final UnitRepository units;
    private final WebInvocationPrivilegeEvaluator privileges;

    public MeController(UnitRepository units, WebInvocationPrivilegeEvaluator privileges) {
        this.units = units;
        this.privileges = privileges;
    }

    @GetMapping("/api/me")
    public MeView me() {
        Actor actor = CurrentActor.get();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<Permission> permitted = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (privileges.isAllowed("", p.probe(), p.method().name(), authentication)) {
                permitted.add(p);
            }
        }
        boolean unitAccount = actor.has(Role.UNIT) && !actor.actsForAnyUnit() && actor.unitId() != null;
        UnitDocument own = unitAccount ? units.find(actor.unitId()) : null;
        String district = ReadScope.district(units::districtOf);
        return new MeView(actor.username(), actor.primaryRole(), own == null ? null : unit(own),
                district == null || district.isEmpty() ? null : district,
                own == null ? List.of() : withDescendants(own), permitted);
    }

    /** The unit and every unit below it, parents before children. */
    private List<MeView.MeUnit> withDescendants(UnitDocument root) {
        List<MeView.MeUnit> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<UnitDocument> level = List.of(root);
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (UnitDocument u : level) {
                if (seen.add(u.unitId())) {
                    out.add(unit(u));
                    next.addAll(u.childIds());
                }
            }
            Map<String, UnitDocument> found = units.find(next);
            level = next.stream().map(found::get).filter(u -> u != null && u.registered()).toList();
        }
        return out;
    }

    private static MeView.MeUnit unit(UnitDocument u) {
        return new MeView.MeUnit(u.unitId(), u.name(), u.type(), u.district(), u.parentId(), u.isActive());
    }
}
