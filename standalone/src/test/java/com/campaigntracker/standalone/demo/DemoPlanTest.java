package com.campaigntracker.standalone.demo;

import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.unit.UnitType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo data set respects the write model's rules on any day it is loaded, so no demo command is rejected. */
class DemoPlanTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-24", "2027-01-01", "2028-02-29", "2026-06-15"})
    void everyCommandOfThePlanKeepsTheRules(String day) {
        LocalDate today = LocalDate.parse(day);
        DemoPlan plan = DemoPlan.build(today);
        Map<String, DemoPlan.Unit> units = plan.units().stream()
                .collect(Collectors.toMap(DemoPlan.Unit::id, Function.identity()));
        assertThat(units).hasSameSizeAs(plan.units());

        for (DemoPlan.Unit u : plan.units()) {
            assertThat(u.id()).matches("[A-Za-z0-9_-]{1,64}");
            DemoPlan.Unit parent = u.parentId() == null ? null : units.get(u.parentId());
            if (u.parentId() != null) {
                assertThat(parent).as("parent of %s registered", u.id()).isNotNull();
                assertThat(plan.units().indexOf(parent)).as("parent of %s registered first", u.id())
                        .isLessThan(plan.units().indexOf(u));
                assertThat(parent.district()).isEqualTo(u.district());
            }
            assertThat(u.type().acceptsParent(parent == null ? null : parent.type()))
                    .as("%s (%s) under %s", u.name(), u.type(), parent).isTrue();
        }

        for (DemoPlan.Campaign c : plan.campaigns()) {
            assertThat(c.id()).matches("[A-Za-z0-9_-]{1,64}");
            assertThat(c.start()).isBeforeOrEqualTo(c.end());
            for (String unitId : c.enrolled()) {
                DemoPlan.Unit u = units.get(unitId);
                assertThat(u).as("enrolled unit %s", unitId).isNotNull();
                assertThat(c.eligible()).as("type of %s in %s", unitId, c.id()).contains(u.type());
                if (c.district() != null) {
                    assertThat(u.district()).as("district of %s in %s", unitId, c.id()).isEqualTo(c.district());
                }
            }
            Set<String> ids = new HashSet<>();
            for (DemoPlan.Activity a : c.activities()) {
                assertThat(ids.add(a.id())).as("activity id %s unique", a.id()).isTrue();
                assertThat(a.id()).matches("[A-Za-z0-9_-]{1,64}");
                assertThat(c.enrolled()).contains(a.unitId());
                assertThat(a.date()).as("%s inside the period", a.id()).isBetween(c.start(), c.end());
                assertThat(a.date()).as("%s not in the future", a.id()).isBeforeOrEqualTo(today);
                assertSane(a.figures());
            }
            c.corrections().forEach(fix -> assertSane(fix.figures()));
        }
    }

    @Test
    void theSeedsNumbersAreThere() {
        DemoPlan plan = DemoPlan.build(LocalDate.of(2026, 11, 24));
        DemoPlan.Campaign miyun = plan.campaigns().stream().filter(c -> c.id().equals("my-qingjie")).findFirst().orElseThrow();
        Figures lantian = miyun.activities().stream().filter(a -> a.unitId().equals("my-team-lt"))
                .map(DemoPlan.Activity::figures).reduce(Figures.ZERO, Figures::plus);
        assertThat(lantian.sessions()).isEqualTo(173);
        assertThat(lantian.serviceHours()).isEqualTo(460.5);
        assertThat(lantian.beneficiaries()).isEqualTo(85_300);

        assertThat(plan.units()).filteredOn(u -> u.district().equals("海淀区") && u.type() == UnitType.PRACTICE_INSTITUTE)
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(plan.campaigns()).extracting(DemoPlan.Campaign::title)
                .contains("文明路口引导行动\"百日大战\"", "海淀区爱国卫生月", "学雷锋志愿服务月");
        assertThat(plan.campaigns()).filteredOn(DemoPlan.Campaign::closed).hasSize(1);
        // same day, same data: a second run of the loader sends the very same commands
        assertThat(DemoPlan.build(LocalDate.of(2026, 11, 24))).isEqualTo(plan);
    }

    private static void assertSane(Figures f) {
        assertThat(f.sessions()).isBetween(1, 1_000);
        assertThat(f.participations()).isBetween(0, 100_000);
        assertThat(f.beneficiaries()).isBetween(0, 10_000_000);
        assertThat(f.serviceHours()).isBetween(0.0, 100_000.0);
        assertThat(f.serviceHours() * 2).isEqualTo(Math.rint(f.serviceHours() * 2));
    }
}
