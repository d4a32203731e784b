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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code GET /api/me}: the signed-in account, its unit or district, and what it may do. */
@RestController
public class MeController {
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
                own == null ? List.of() : units.withDescendants(own).stream().map(MeController::unit).toList(),
                permitted);
    }

    private static MeView.MeUnit unit(UnitDocument u) {
        return new MeView.MeUnit(u.unitId(), u.name(), u.type(), u.district(), u.parentId(), u.isActive());
    }
}
