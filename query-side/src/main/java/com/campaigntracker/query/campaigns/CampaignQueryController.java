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
import com.campaigntracker.security.ExpensiveQueries;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
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
import java.util.function.Supplier;

/** 活动列表 and 活动进度 (live or as of a day). */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignQueryController {
    private final CampaignRepository repository;
    private final UnitRepository units;
    private final Clock clock;
    private final ExpensiveQueries expensive;
    private final ObjectMapper json;

    /**
     * "Today" (days left, expected progress, silent units) comes from the application's {@link Clock} bean when
     * there is exactly one (or a primary one, as in the tests); otherwise the system clock in Asia/Shanghai.
     */
    public CampaignQueryController(CampaignRepository repository, UnitRepository units,
                                   ObjectProvider<Clock> clock, ExpensiveQueries expensive,
                                   @Value("${tracker.limits.view-cache-size:32MB}") DataSize viewCache,
                                   ObjectMapper json) {
        this.repository = repository;
        this.units = units;
        this.clock = clock.getIfUnique(() -> Clock.system(Docs.ZONE));
        this.expensive = expensive;
        this.json = json;
        this.recent = Caffeine.newBuilder().maximumWeight(viewCache.toBytes())
                .weigher((ProgressKey key, Rendered r) -> (int) Math.min(Integer.MAX_VALUE,
                        (long) weight(r.view()) + r.json().length)).build();
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
    @ApiResponse(responseCode = "200", description = "活动进度",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Progress.class)))
    public ResponseEntity<byte[]> progressJson(@PathVariable String id,
                                               @RequestParam(required = false) String asOf,
                                               @RequestParam(required = false) String knownAt,
                                               @RequestParam(required = false) Integer silentDays,
                                               @RequestParam(required = false) Integer top) {
        // the JSON rendered when the view was computed: a dashboard asked again between changes costs what serving
        // its bytes costs (issue #15's floor), not a serialization of thousands of rows each time
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(rendered(id, asOf, knownAt, silentDays, top).json());
    }

    /** The view {@code GET /{id}/progress} answers with these parameters (the progress export's sheets). */
    public Progress progress(String id, String asOf, String knownAt, Integer silentDays, Integer top) {
        return rendered(id, asOf, knownAt, silentDays, top).view();
    }

    private Rendered rendered(String id, String asOf, String knownAt, Integer silentDays, Integer top) {
        Params.id("id", id);
        LocalDate day = Params.date("asOf", asOf);
        LocalDate known = Params.date("knownAt", knownAt);
        int silent = Params.range("silentDays", silentDays, 7, 1, 366);
        int limit = Params.range("top", top, 50, 1, 1000);
        // an as-of view holds its permit for the whole request (RequestLimitsFilter); a live view only while it
        // must be computed, so a dashboard served from the cache is never refused
        return view(id, day, known, silent, limit, units.readScope(), day == null && known == null);
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
        return view(id, asOf, null, silentDays, top, scope, false).view();
    }

    /**
     * {@code asOf}: activities dated up to that day, as known now (what "截至6月底" asks); {@code knownAt}: as the
     * system knew it at the end of that day (an audit's question); both: activities dated up to asOf as known then.
     */
    private Rendered view(String id, LocalDate asOf, LocalDate knownAt, int silentDays, int top, UnitScope scope,
                          boolean limited) {
        CampaignDocument campaign = repository.campaign(id);
        LocalDate today = asOf != null ? asOf : knownAt != null ? knownAt : LocalDate.now(clock);
        // everything the view is computed from: the campaign document is rewritten by every event of the campaign
        // and its activities, the units version by every unit event, and "today" moves pacing and silence
        ProgressKey key = new ProgressKey(id, CampaignRepository.changeMarker(campaign), units.version(),
                today, asOf, knownAt, silentDays, top, scope);
        Rendered cached = recent.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Supplier<Rendered> compute = () -> {
            CampaignState state = asOf == null && knownAt == null ? repository.live(campaign)
                    : repository.past(campaign, asOf, knownAt);
            Progress view = ProgressView.progress(id, state, units.withAncestors(state.units.keySet()), today, asOf,
                    knownAt, silentDays, top, scope);
            try {
                return new Rendered(view, json.writeValueAsBytes(view));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the progress view of " + id + " could not be written as JSON", e);
            }
        };
        Rendered view = limited ? expensive.run(compute) : compute.get();
        recent.put(key, view);
        return view;
    }

    /** A computed view and its JSON answer, as the application's ObjectMapper (the one MVC uses) writes it. */
    private record Rendered(Progress view, byte[] json) {
    }

    private record ProgressKey(String campaignId, String campaignMarker, long unitsVersion, LocalDate today,
                               LocalDate asOf, LocalDate knownAt, int silentDays, int top, UnitScope scope) {
    }

    /**
     * Views computed recently, with their JSON; a leaders' dashboard asks for the same one many times between changes.
     * Bounded by the heap they take (an estimate for the view, the JSON's length), not by their number: one long
     * campaign's view weighs as much as hundreds of small ones.
     */
    private final Cache<ProgressKey, Rendered> recent;

    /** Estimated heap of a view: each row (a record, its strings and its totals) about {@value #ROW_BYTES} bytes. */
    static int weight(Progress view) {
        long rows = 1L + view.byDistrict().size() + view.byUnitType().size() + nodes(view.hierarchy())
                + view.leaderboard().size() + view.daily().size() + view.silentUnits().size()
                + view.neverReported().size();
        return (int) Math.min(Integer.MAX_VALUE, rows * ROW_BYTES);
    }

    static final int ROW_BYTES = 512;

    private static long nodes(List<Progress.HierarchyNode> nodes) {
        long n = nodes.size();
        for (Progress.HierarchyNode node : nodes) {
            n += nodes(node.children());
        }
        return n;
    }
}
