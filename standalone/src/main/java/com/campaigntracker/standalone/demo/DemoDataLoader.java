package com.campaigntracker.standalone.demo;

import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityCommands.CorrectActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityCommands.RetractActivity;
import com.campaigntracker.shared.campaign.CampaignCommands.CloseCampaign;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.service.ServiceCommands.AcceptServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.ApproveServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CancelServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.CompleteServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DeclineServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.DispatchServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.PlaceServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.PublishServiceProject;
import com.campaigntracker.shared.service.ServiceCommands.RateServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.RejectServiceOrder;
import com.campaigntracker.shared.service.ServiceCommands.WithdrawServiceProject;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar campaign-tracker.jar --demo} (or {@code --tracker.demo=true}) fills an empty store with a
 * realistic data set drawn from the seed briefings, by issuing the same commands the REST API issues, so every
 * rule of the write model applies and every figure has its events and audit trail:
 * <ul>
 *     <li>顺义区 文明路口引导行动"百日大战": 100 days around today, 实践所 and 实践站 plus the volunteer teams the
 *     briefing names (仁和镇"文明护照", 双丰街道"暖心橙", 石园街道"80后义工社");</li>
 *     <li>海淀区 爱国卫生月 "防疫有我 爱卫同行": the 实践中心, eight of its 29 实践所 with 实践站 under them,
 *     "圆明园蓝立方" and 青龙桥街道金牌志愿服务团队;</li>
 *     <li>密云区 清洁家园·疫情防控消杀: 密云蓝天救援队 with the briefing's 173 消杀任务, 460.5 小时 and 85,300 受益人次;</li>
 *     <li>全市 学雷锋志愿服务月: an earlier, closed campaign;</li>
 *     <li>a 服务菜单 and service orders in every state ({@link DemoServices}).</li>
 * </ul>
 * Campaign periods are placed around today (Asia/Shanghai) so the dashboard looks alive; every activity date
 * lies inside its campaign's period and not after today. Figures come from a fixed seed, so two runs on the
 * same day give the same data. It runs only on a store without events (idempotent: a restart with
 * {@code --demo} on a filled store does nothing).
 */
@Component
public class DemoDataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String MARKER_UNIT = "hd-center";
    private static final MetaData COORDINATOR = MetaData.with(AuditMetadata.USER, "演示数据 · 区文明办")
            .and(AuditMetadata.ROLE, "COORDINATOR");

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final Environment environment;
    private final Clock clock;

    @Autowired
    public DemoDataLoader(CommandGateway commands, EventStore eventStore, Environment environment) {
        this(commands, eventStore, environment, Clock.system(ZONE));
    }

    DemoDataLoader(CommandGateway commands, EventStore eventStore, Environment environment, Clock clock) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = args.containsOption("demo") || args.getNonOptionArgs().contains("demo")
                || environment.getProperty("tracker.demo", Boolean.class, false);
        if (!wanted) {
            return;
        }
        if (storeHasEvents()) {
            log.info("演示数据: the store already holds events; nothing loaded (the demo fills only an empty store)");
            return;
        }
        long started = System.nanoTime();
        DemoPlan plan = DemoPlan.build(LocalDate.now(clock));
        DemoServices services = DemoServices.build(LocalDate.now(clock));
        int sent = load(plan, services);
        log.info("演示数据: {} units, {} campaigns, {} activities, {} service projects, {} service orders loaded "
                        + "through {} commands in {} ms", plan.units().size() + services.units().size(),
                plan.campaigns().size(), plan.activityCount(), services.projects().size(), services.orders().size(),
                sent, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private boolean storeHasEvents() {
        if (eventStore.lastSequenceNumberFor(MARKER_UNIT).isPresent()) {
            return true;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            return stream.hasNextAvailable(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private int load(DemoPlan plan, DemoServices services) {
        int sent = 0;
        for (DemoPlan.Unit u : plan.units()) {
            send(new RegisterUnit(u.id(), u.name(), u.type(), u.district(), u.parentId()), COORDINATOR);
            sent++;
        }
        // before the campaigns: a reader that waits for the last campaign sees every unit too
        for (DemoPlan.Unit u : services.units()) {
            send(new RegisterUnit(u.id(), u.name(), u.type(), u.district(), u.parentId()), COORDINATOR);
            sent++;
        }
        for (DemoPlan.Campaign c : plan.campaigns()) {
            send(new LaunchCampaign(c.id(), c.title(), c.theme(), c.description(), c.district(),
                    EnumSet.copyOf(c.eligible()), c.start(), c.end(), c.targets()), COORDINATOR);
            sent++;
            for (String unitId : c.enrolled()) {
                send(new EnrollUnit(c.id(), unitId), unitMeta(plan, unitId));
                sent++;
            }
            sent += recordAll(plan, c);
            for (DemoPlan.Correction fix : c.corrections()) {
                DemoPlan.Activity a = fix.activity();
                send(new CorrectActivity(c.id(), a.id(), a.date(), a.title(), a.category(), a.site(),
                        fix.figures(), a.notes(), fix.reason()), unitMeta(plan, a.unitId()));
                sent++;
            }
            for (DemoPlan.Retraction r : c.retractions()) {
                send(new RetractActivity(c.id(), r.activity().id(), r.reason()), unitMeta(plan, r.activity().unitId()));
                sent++;
            }
            if (c.closed()) {
                send(new CloseCampaign(c.id()), COORDINATOR);
                sent++;
            }
        }
        return sent + loadServices(plan, services);
    }

    /** The 服务菜单, then each order placed by its station and taken through its steps by the units concerned. */
    private int loadServices(DemoPlan plan, DemoServices services) {
        int sent = 0;
        for (DemoServices.Project p : services.projects()) {
            send(new PublishServiceProject(p.id(), p.title(), p.category(), p.description(), p.providerId(),
                    List.of(p.district()), p.weeklyCapacity(), p.campaignId()), serviceMeta(plan, services, p.providerId()));
            sent++;
        }
        for (String projectId : services.withdrawn()) {
            send(new WithdrawServiceProject(projectId, "项目调整,暂停接单"), COORDINATOR);
            sent++;
        }
        for (DemoServices.Order o : services.orders()) {
            send(new PlaceServiceOrder(o.id(), o.projectId(), o.category(), o.stationId(), o.wantedFrom(),
                    o.wantedTo(), o.place(), o.people(), o.contact(), o.notes()),
                    serviceMeta(plan, services, o.stationId()));
            sent++;
            for (DemoServices.Step step : o.steps()) {
                send(serviceCommand(o.id(), step), serviceMeta(plan, services, step.unitId()));
                sent++;
            }
        }
        return sent;
    }

    private static Object serviceCommand(String orderId, DemoServices.Step step) {
        return switch (step.action()) {
            case "approve" -> new ApproveServiceOrder(orderId);
            case "reject" -> new RejectServiceOrder(orderId, step.text());
            case "dispatch" -> new DispatchServiceOrder(orderId, null);
            case "accept" -> new AcceptServiceOrder(orderId);
            case "decline" -> new DeclineServiceOrder(orderId, step.text());
            case "complete" -> new CompleteServiceOrder(orderId, step.report());
            case "rate" -> new RateServiceOrder(orderId, step.score(), step.text());
            case "cancel" -> new CancelServiceOrder(orderId, step.text());
            default -> throw new IllegalArgumentException("unknown demo step " + step.action());
        };
    }

    private static MetaData serviceMeta(DemoPlan plan, DemoServices services, String unitId) {
        String name = services.unitName(unitId);
        return name == null ? unitMeta(plan, unitId) : unitMeta(name, unitId);
    }

    /** Activities of a campaign in parallel batches: the store commits them in groups. */
    private int recordAll(DemoPlan plan, DemoPlan.Campaign c) {
        List<CompletableFuture<Object>> batch = new ArrayList<>();
        int sent = 0;
        for (DemoPlan.Activity a : c.activities()) {
            RecordActivity command = new RecordActivity(c.id(), a.id(), a.unitId(), a.date(), a.title(),
                    a.category(), a.site(), a.figures(), a.notes());
            batch.add(commands.send(command, unitMeta(plan, a.unitId())).exceptionally(e -> {
                log.warn("演示数据: activity {} rejected: {}", a.id(), rootMessage(e));
                return null;
            }));
            sent++;
            if (batch.size() == 16) {
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
                batch.clear();
            }
        }
        CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).join();
        return sent;
    }

    /** A unit's own commands: issued as that unit, which may act only for itself (and the units below it). */
    private static MetaData unitMeta(DemoPlan plan, String unitId) {
        return unitMeta(plan.unitName(unitId), unitId);
    }

    private static MetaData unitMeta(String unitName, String unitId) {
        return MetaData.with(AuditMetadata.USER, "演示数据 · " + unitName)
                .and(AuditMetadata.ROLE, "UNIT")
                .and(AuditMetadata.ACTING_UNIT, unitId);
    }

    private void send(Object command, MetaData metaData) {
        try {
            commands.sendAndWait(command, metaData);
        } catch (RuntimeException e) {
            log.warn("演示数据: {} rejected: {}", command.getClass().getSimpleName(), rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
