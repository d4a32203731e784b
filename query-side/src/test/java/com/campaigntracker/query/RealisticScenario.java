package com.campaigntracker.query;

import com.campaigntracker.shared.campaign.CampaignEvents.CampaignClosed;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignExtended;
import com.campaigntracker.shared.campaign.CampaignEvents.CampaignRevised;
import com.campaigntracker.shared.campaign.CampaignEvents.UnitWithdrawn;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.service.CompletionReport;
import com.campaigntracker.shared.service.OrderState;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderAccepted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderApproved;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCancelled;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderCompleted;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDeclined;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderDispatched;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderPlaced;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRated;
import com.campaigntracker.shared.service.ServiceEvents.ServiceOrderRejected;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectPublished;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectRevised;
import com.campaigntracker.shared.service.ServiceEvents.ServiceProjectWithdrawn;
import com.campaigntracker.shared.unit.UnitEvents.UnitRenamed;
import com.campaigntracker.shared.unit.UnitType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static com.campaigntracker.query.EventFeed.at;
import static com.campaigntracker.query.Scenario.f;

/**
 * Several districts with a 实践中心, 实践所 and 实践站 and volunteer teams; three campaigns; hundreds of activities
 * recorded over the period, with corrections (some moving the date) and retractions made days later. Seeded, so
 * every run publishes the same events.
 */
public final class RealisticScenario {
    private RealisticScenario() {
    }

    /** Publishes the scenario; returns the campaign ids. */
    public static List<String> publish(EventFeed feed, String prefix) {
        Random rnd = new Random(42);
        Scenario s = new Scenario(feed);
        List<String> allUnits = new ArrayList<>();
        String[] districts = {"海淀区", "顺义区", "密云区"};
        for (int d = 0; d < districts.length; d++) {
            String center = prefix + "-c" + d;
            s.unit(center, districts[d] + "新时代文明实践中心", UnitType.PRACTICE_CENTER, districts[d], null,
                    at("2025-06-01", 9));
            for (int i = 0; i < 4; i++) {
                String inst = prefix + "-i" + d + i;
                s.unit(inst, districts[d] + "街道实践所" + i, UnitType.PRACTICE_INSTITUTE, districts[d], center,
                        at("2025-06-01", 10));
                allUnits.add(inst);
                for (int k = 0; k < 5; k++) {
                    String st = prefix + "-s" + d + i + k;
                    s.unit(st, districts[d] + "社区实践站" + i + k, UnitType.PRACTICE_STATION, districts[d], inst,
                            at("2025-06-02", 9));
                    allUnits.add(st);
                }
            }
            String team = prefix + "-t" + d;
            s.unit(team, districts[d] + "志愿服务队", UnitType.VOLUNTEER_TEAM, districts[d], center,
                    at("2025-06-03", 9));
            allUnits.add(team);
        }
        feed.publish(new UnitRenamed(prefix + "-s000", "海淀区社区实践站00", "学院路社区实践站"), at("2025-06-05", 9));

        List<String> campaigns = List.of(prefix + "-city", prefix + "-hd", prefix + "-sy");
        s.launch(campaigns.get(0), "文明实践志愿服务百日行动", "志愿服务", null, "2025-07-01", "2025-08-31",
                new Targets(600L, 5000L, 3000.0, 50000L, 60), at("2025-06-28", 10));
        s.launch(campaigns.get(1), "垃圾分类宣传月", "垃圾分类", "海淀区", "2025-07-01", "2025-07-31",
                new Targets(150L, null, 800.0, null, 20), at("2025-06-29", 10));
        s.launch(campaigns.get(2), "文明路口引导行动", "文明交通", "顺义区", "2025-07-01", "2025-07-31",
                new Targets(200L, 2000L, null, null, null), at("2025-06-30", 10));

        List<List<String>> enrolled = new ArrayList<>();
        for (String c : campaigns) {
            List<String> units = new ArrayList<>();
            for (String u : allUnits) {
                boolean scoped = c.endsWith("-city") || (c.endsWith("-hd") && u.contains("-s0") || u.contains("-i0"))
                        && !c.endsWith("-sy") || (c.endsWith("-sy") && (u.contains("-s1") || u.contains("-i1")));
                if (scoped && rnd.nextInt(10) < 8) {
                    s.enrol(c, u, at("2025-07-0" + (1 + rnd.nextInt(3)), 8 + rnd.nextInt(10)));
                    units.add(u);
                }
            }
            enrolled.add(units);
        }

        List<String[]> recorded = new ArrayList<>();
        for (int n = 0; n < 600; n++) {
            int ci = rnd.nextInt(campaigns.size());
            String c = campaigns.get(ci);
            List<String> units = enrolled.get(ci);
            String u = units.get(rnd.nextInt(units.size()));
            LocalDate date = LocalDate.parse("2025-07-01").plusDays(rnd.nextInt(28));
            String a = "act" + n;
            s.record(c, a, u, date.toString(), rnd.nextBoolean() ? "宣讲" : "清洁",
                    f(1 + rnd.nextInt(3), rnd.nextInt(40), rnd.nextInt(20) * 0.5, rnd.nextInt(300)),
                    at(date.plusDays(rnd.nextInt(2)).toString(), 8 + rnd.nextInt(12)));
            recorded.add(new String[]{c, a, date.toString()});
        }
        for (int n = 0; n < 80; n++) {
            String[] r = recorded.get(rnd.nextInt(recorded.size()));
            if (r == null) {
                continue;
            }
            LocalDate newDate = rnd.nextInt(3) == 0 ? LocalDate.parse(r[2]).minusDays(1) : LocalDate.parse(r[2]);
            s.correct(r[0], r[1], newDate.toString(), f(1 + rnd.nextInt(4), rnd.nextInt(50), rnd.nextInt(10) * 0.5,
                    rnd.nextInt(400)), at("2025-08-0" + (1 + rnd.nextInt(5)), 9 + rnd.nextInt(8)));
            r[2] = newDate.toString();
        }
        for (int n = 0; n < 40; n++) {
            int idx = rnd.nextInt(recorded.size());
            String[] r = recorded.get(idx);
            if (r == null) {
                continue;
            }
            s.retract(r[0], r[1], at("2025-08-0" + (6 + rnd.nextInt(3)), 10));
            recorded.set(idx, null);
        }
        String hd = campaigns.get(1);
        feed.publish(new CampaignRevised(hd, "垃圾分类宣传月（修订）", "说明", new Targets(180L, null, 900.0, null, 25)),
                at("2025-07-15", 9));
        feed.publish(new CampaignExtended(campaigns.get(2), LocalDate.parse("2025-07-31"),
                LocalDate.parse("2025-08-15")), at("2025-07-20", 9));
        feed.publish(new UnitWithdrawn(campaigns.get(0), enrolled.get(0).get(0)), at("2025-07-21", 9));
        feed.publish(new CampaignClosed(hd), at("2025-08-10", 9));
        serviceOrders(feed, prefix, rnd);
        return campaigns;
    }

    /** A service menu per district and 60 orders taken to every state, with declines, by unit accounts. */
    private static void serviceOrders(EventFeed feed, String prefix, Random rnd) {
        String[] districts = {"海淀区", "顺义区", "密云区"};
        String[] categories = {"助老助残", "理论宣讲", "环境卫生"};
        for (int d = 0; d < districts.length; d++) {
            String team = prefix + "-t" + d;
            feed.publish(new ServiceProjectPublished(prefix + "-p" + d, districts[d] + categories[d] + "服务",
                    categories[d], "服务菜单项目", team, districts[d], List.of(districts[d]), 5, null),
                    at("2025-06-20", 9), "team" + d, "UNIT", team);
        }
        feed.publish(new ServiceProjectRevised(prefix + "-p0", "科技助老", "助老助残", "修订", prefix + "-t0", "海淀区",
                List.of("海淀区", "顺义区"), 8, null), at("2025-06-25", 9), "coordinator", "COORDINATOR", null);
        feed.publish(new ServiceProjectWithdrawn(prefix + "-p2", "项目结束"), at("2025-07-25", 9));
        for (int n = 0; n < 60; n++) {
            int d = rnd.nextInt(districts.length);
            int i = rnd.nextInt(4);
            String station = prefix + "-s" + d + i + rnd.nextInt(5);
            String inst = prefix + "-i" + d + i;
            String team = prefix + "-t" + d;
            String o = prefix + "-o" + n;
            boolean free = rnd.nextInt(4) == 0;
            LocalDate day = LocalDate.parse("2025-07-01").plusDays(rnd.nextInt(25));
            feed.publish(new ServiceOrderPlaced(o, free ? null : prefix + "-p" + d, free ? null : "菜单项目",
                    free ? "法律" : categories[d], station, districts[d], List.of(inst, prefix + "-c" + d),
                    free ? null : team, null, day.plusDays(5), day.plusDays(6), "社区活动室", 10 + n, "联系人" + n,
                    null), at(day.toString(), 9), "st" + n, "UNIT", station);
            int steps = rnd.nextInt(9);
            if (steps == 0) {
                feed.publish(new ServiceOrderRejected(o, "不在服务范围"), at(day.toString(), 11), "inst", "UNIT", inst);
                continue;
            }
            if (steps == 1) {
                feed.publish(new ServiceOrderCancelled(o, OrderState.PLACED, "时间冲突"), at(day.toString(), 10));
                continue;
            }
            feed.publish(new ServiceOrderApproved(o), at(day.toString(), 10 + rnd.nextInt(8)), "inst", "UNIT", inst);
            if (steps > 2 && rnd.nextBoolean()) {
                feed.publish(new ServiceOrderDispatched(o, team, districts[d]), at(day.plusDays(1).toString(), 9));
                feed.publish(new ServiceOrderDeclined(o, team, "人手不足"), at(day.plusDays(1).toString(), 12),
                        "team", "UNIT", team);
            }
            if (steps > 3) {
                feed.publish(new ServiceOrderDispatched(o, team, districts[d]), at(day.plusDays(2).toString(), 9));
            }
            if (steps > 4) {
                feed.publish(new ServiceOrderAccepted(o, team), at(day.plusDays(2).toString(), 9 + rnd.nextInt(8)),
                        "team", "UNIT", team);
            }
            if (steps > 5) {
                feed.publish(new ServiceOrderCompleted(o, team, station, categories[d], null,
                        new CompletionReport(day.plusDays(5), f(1, 5 + n, 2.5, 20 + n), "已完成")),
                        at(day.plusDays(5).toString(), 18), "team", "UNIT", team);
            }
            if (steps > 6) {
                feed.publish(new ServiceOrderRated(o, team, categories[d], 1 + rnd.nextInt(5), "评价" + n),
                        at(day.plusDays(6).toString(), 9), "st" + n, "UNIT", station);
            }
        }
    }
}
