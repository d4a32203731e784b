package com.campaigntracker.query.campaigns;

import com.campaigntracker.query.units.UnitRepository;
import com.campaigntracker.query.web.ApiException;
import com.campaigntracker.query.web.Params;
import com.campaigntracker.query.web.ReadScope;
import com.campaigntracker.query.web.ReadScope.UnitScope;
import com.campaigntracker.shared.campaign.CampaignStatus;
import com.campaigntracker.query.projection.Docs;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** 活动列表 and 活动进度 (live or as of a day). */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignQueryController {
    private final CampaignRepository repository;
    private final UnitRepository units;
    private final Clock clock;

    /**
     * "Today" (days left, expected progress, silent units) comes from the application's {@link Clock} bean when
     * there is exactly one (or a primary one, as in the tests); otherwise the system clock in Asia/Shanghai.
     */
    public CampaignQueryController(CampaignRepository repository, UnitRepository units,
                                   ObjectProvider<Clock> clock) {
        this.repository = repository;
        this.units = units;
        this.clock = clock.getIfUnique(() -> Clock.system(Docs.ZONE));
    }

    @GetMapping
    public List<CampaignSummary> list(@RequestParam(required = false) String status,
                                          @RequestParam(required = false) String district,
                                          @RequestParam(required = false) String theme) {
        String s = Params.blankToNull(status);
        if (s != null && Arrays.stream(CampaignStatus.values()).noneMatch(v -> v.name().equals(s))) {
            throw ApiException.badRequest("参数 status 无效: 须为 ACTIVE、CLOSED 或 CANCELLED");
        }
        LocalDate today = LocalDate.now(clock);
        List<CampaignSummary> out = new ArrayList<>();
        for (CampaignDocument c : repository.campaigns(s, Params.blankToNull(district), Params.blankToNull(theme))) {
            out.add(ProgressView.summary(c.campaignId(), c.meta(), c.totals(), c.enrolledUnits(), today));
        }
        return out;
    }

    @GetMapping("/{id}/progress")
    public Progress progress(@PathVariable String id,
                                        @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) Integer silentDays,
                                        @RequestParam(required = false) Integer top) {
        Params.id("id", id);
        LocalDate day = Params.date("asOf", asOf);
        int silent = Params.range("silentDays", silentDays, 7, 1, 366);
        int limit = Params.range("top", top, 50, 1, 1000);
        return progress(id, day, silent, limit);
    }

    /** The units the current account may see inside a campaign. */
    public UnitScope readScope() {
        return units.readScope();
    }

    /** The progress as the current account may see it (see {@link ReadScope#units}). */
    public Progress progress(String id, LocalDate asOf, int silentDays, int top) {
        return progress(id, asOf, silentDays, top, units.readScope());
    }

    /** The progress as {@code scope} may see it: for a reader off the request thread (the live stream). */
    public Progress progress(String id, LocalDate asOf, int silentDays, int top, UnitScope scope) {
        CampaignDocument campaign = repository.campaign(id);
        LocalDate today = asOf == null ? LocalDate.now(clock) : asOf;
        // everything the view is computed from: the campaign document is rewritten by every event of the campaign
        // and its activities, the units version by every unit event, and "today" moves pacing and silence
        ProgressKey key = new ProgressKey(id, CampaignRepository.changeMarker(campaign), units.version(),
                today, asOf != null, silentDays, top, scope);
        Progress cached = recent.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        CampaignState state = asOf == null ? repository.live(campaign) : repository.asOf(campaign, asOf);
        Progress view = ProgressView.progress(id, state,
                units.withAncestors(state.units.keySet()), today, asOf != null, silentDays, top, scope);
        recent.put(key, view);
        return view;
    }

    private record ProgressKey(String campaignId, String campaignMarker, long unitsVersion, LocalDate today,
                               boolean asOf, int silentDays, int top, UnitScope scope) {
    }

    /** Views computed recently; a leaders' dashboard asks for the same one many times between changes. */
    private final Cache<ProgressKey, Progress> recent = Caffeine.newBuilder().maximumSize(256).build();
}
