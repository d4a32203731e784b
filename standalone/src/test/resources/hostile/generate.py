#!/usr/bin/env python3
"""Writes requests.jsonl: hostile requests against every write endpoint, each of which must be refused with a
4xx problem+json and change nothing. The fixture the test sets up first: units h-center (实践中心) and h-suo
(实践所, enrolled), campaign h-camp (active, 海淀区, period around today), activity h-act-1 recorded by h-suo.
Dates are written relative to today as tokens {today+N} that the test resolves; {huge} stands for a
100,000-character string and {bigbody} for a 2 MB JSON body. Deterministic: no randomness."""
import base64
import json

OUT = []


def add(method, path, body=None, raw=None, content_type="application/json", why=""):
    entry = {"method": method, "path": path, "why": why, "contentType": content_type}
    if raw is not None:
        entry["raw"] = raw
    elif body is not None:
        entry["raw"] = json.dumps(body, ensure_ascii=False)
    OUT.append(entry)


HUGE = "{huge}"  # the test expands it to 100,000 characters
CONTROL = "名称\u0000\u0007\u001b[31m"
EMOJI_ID = "unit-😀"
OPERATORS = [{"$ne": None}, {"$gt": ""}, {"$where": "sleep(1000)"}, {"$regex": ".*"}]
BAD_IDS = ["$ne", "a.b", "a/b", "..", "../../etc/passwd", "%2e%2e", "x" * 65, "单位", EMOJI_ID, "a b", "$where"]
MALFORMED = ['{', '{"name": }', "{'name': 'x'}", '{"name": "x",}', 'not json', '[]', '[1,2]', 'null', '42',
             '"string"', '{"name": "x"}{"name": "y"}', '\u0000', '{"a":' * 200 + '1' + '}' * 200]

unit_ok = {"unitId": "h-new", "name": "新单位", "type": "实践所", "district": "海淀区", "parentUnitId": "h-center"}
campaign_ok = {"id": "h-new-camp", "title": "学雷锋志愿服务月", "theme": "学雷锋", "description": "说明",
               "district": "海淀区", "eligibleUnitTypes": ["实践所"], "startDate": "{today-5}",
               "endDate": "{today+30}", "targets": {"sessions": 100}}
activity_ok = {"activityId": "h-act-new", "unitId": "h-suo", "date": "{today}", "title": "清洁",
               "category": "爱国卫生", "site": "社区", "sessions": 1, "participations": 5, "serviceHours": 2.5,
               "beneficiaries": 30, "notes": ""}
correction_ok = dict(activity_ok, activityId=None, reason="填错了")
del correction_ok["activityId"]


def mutate(method, path, valid, required, numeric=(), dates=(), texts=(), ids=(), optional_texts=()):
    """Every way to spoil a valid body, one spoil at a time."""
    for raw in MALFORMED:
        add(method, path, raw=raw, why="malformed JSON")
    add(method, path, raw="", why="empty body")
    add(method, path, body=valid, content_type="text/plain", why="wrong content type")
    add(method, path, body=valid, content_type="application/x-www-form-urlencoded", why="form content type")
    add(method, path, body=dict(valid, unexpectedField="x"), why="unknown field")
    add(method, path, body=dict(valid, __proto__={"admin": True}), why="prototype key")
    for field in required:
        spoiled = dict(valid)
        del spoiled[field]
        add(method, path, body=spoiled, why=f"missing {field}")
        add(method, path, body=dict(valid, **{field: None}), why=f"null {field}")
        for op in OPERATORS:
            add(method, path, body=dict(valid, **{field: op}), why=f"operator object in {field}")
        add(method, path, body=dict(valid, **{field: [valid[field]]}), why=f"array in {field}")
    for field in numeric:
        for bad in [-1, -0.5, 1e308, 2 ** 63, 10 ** 30, "1", "NaN", True, 0.3, 1.25, {"$gt": 0}, []]:
            add(method, path, body=dict(valid, **{field: bad}), why=f"bad number {bad!r} in {field}")
        add(method, path, raw=json.dumps(valid, ensure_ascii=False).replace(
            f'"{field}": {json.dumps(valid[field])}', f'"{field}": NaN'), why=f"NaN literal in {field}")
        add(method, path, raw=json.dumps(valid, ensure_ascii=False).replace(
            f'"{field}": {json.dumps(valid[field])}', f'"{field}": Infinity'), why=f"Infinity in {field}")
    for field in dates:
        for bad in ["2024-13-40", "2024-02-30", "yesterday", "20240101", "2024/01/01",
                    "1899-01-01", "", 20240101, "2024-01-01T00:00:00Z"]:
            add(method, path, body=dict(valid, **{field: bad}), why=f"bad date {bad!r} in {field}")
    for field in list(texts) + list(optional_texts):
        add(method, path, body=dict(valid, **{field: HUGE}), why=f"100 KB string in {field}")
        add(method, path, body=dict(valid, **{field: CONTROL}), why=f"control characters in {field}")
    for field in texts:
        add(method, path, body=dict(valid, **{field: "   "}), why=f"blank {field}")
    for field in ids:
        for bad in BAD_IDS:
            add(method, path, body=dict(valid, **{field: bad}), why=f"bad id {bad!r} in {field}")


mutate("POST", "/api/units", unit_ok, required=["name", "type", "district"], texts=["name", "district"],
       ids=["unitId", "parentUnitId"])
add("POST", "/api/units", body=dict(unit_ok, type="居委会"), why="unknown unit type")
add("POST", "/api/units", body=dict(unit_ok, type="实践站", parentUnitId="h-center"), why="站 under a 中心")
add("POST", "/api/units", body=dict(unit_ok, parentUnitId="h-missing"), why="unknown parent")
add("POST", "/api/units", body=dict(unit_ok, unitId="h-suo"), why="unit id taken")
mutate("POST", "/api/units/h-suo/rename", {"name": "新名字"}, required=["name"], texts=["name"])
for bad in BAD_IDS:
    add("POST", f"/api/units/{bad}/rename", body={"name": "x"}, why=f"bad unit id {bad!r} in path")
    add("POST", f"/api/units/{bad}/deactivate", body={"reason": "x"}, why=f"bad unit id {bad!r} in path")
add("POST", "/api/units/h-missing/rename", body={"name": "x"}, why="unknown unit")
add("POST", "/api/units/h-missing/deactivate", body={"reason": "x"}, why="unknown unit")
for raw in MALFORMED[:6]:
    add("POST", "/api/units/h-suo/deactivate", raw=raw, why="malformed JSON")

mutate("POST", "/api/campaigns", campaign_ok, required=["title", "startDate", "endDate"],
       dates=["startDate", "endDate"], texts=["title"], optional_texts=["theme", "description"], ids=["id"])
add("POST", "/api/campaigns", body=dict(campaign_ok, startDate="{today+10}", endDate="{today+5}"),
    why="end before start")
add("POST", "/api/campaigns", body=dict(campaign_ok, eligibleUnitTypes=["居委会"]), why="unknown unit type")
add("POST", "/api/campaigns", body=dict(campaign_ok, id="h-camp"), why="campaign id taken")
for field in ["sessions", "participations", "serviceHours", "beneficiaries", "enrolledUnits"]:
    for bad in [-1, "many", 1e300, {"$ne": None}] + ([] if field == "serviceHours" else [0.5]):
        add("POST", "/api/campaigns", body=dict(campaign_ok, targets={field: bad}), why=f"bad target {field}={bad!r}")

revise_ok = {"title": "新标题", "description": "新说明", "targets": {"sessions": 200}}
# a revision changes only the fields it names, so none is required
mutate("POST", "/api/campaigns/h-camp/revise", revise_ok, required=[], texts=["title"],
       optional_texts=["description"])
mutate("POST", "/api/campaigns/h-camp/extend", {"endDate": "{today+60}"}, required=["endDate"],
       dates=["endDate"])
add("POST", "/api/campaigns/h-camp/extend", body={"endDate": "{today+1}"}, why="extension shortens the period")
add("POST", "/api/campaigns/h-camp/extend", body={"endDate": "{today-4000}"}, why="extension into the past")
mutate("POST", "/api/campaigns/h-camp/cancel", {"reason": "取消"}, required=["reason"], texts=["reason"])
for bad in BAD_IDS:
    for action, body in [("revise", revise_ok), ("extend", {"endDate": "{today+60}"}), ("close", {}),
                         ("cancel", {"reason": "x"})]:
        add("POST", f"/api/campaigns/{bad}/{action}", body=body, why=f"bad campaign id {bad!r} in path")
for action, body in [("revise", revise_ok), ("extend", {"endDate": "{today+60}"}), ("close", {}),
                     ("cancel", {"reason": "x"})]:
    add("POST", f"/api/campaigns/h-missing/{action}", body=body, why="unknown campaign")

mutate("POST", "/api/campaigns/h-camp/enrollments", {"unitId": "h-suo"}, required=["unitId"], ids=["unitId"])
add("POST", "/api/campaigns/h-camp/enrollments", body={"unitId": "h-missing"}, why="unknown unit")
add("POST", "/api/campaigns/h-camp/enrollments", body={"unitId": "h-center"}, why="ineligible unit type")
for bad in BAD_IDS:
    add("POST", f"/api/campaigns/{bad}/enrollments", body={"unitId": "h-suo"}, why=f"bad campaign id {bad!r}")
    add("DELETE", f"/api/campaigns/h-camp/enrollments/{bad}", why=f"bad unit id {bad!r} in path")
add("DELETE", "/api/campaigns/h-missing/enrollments/h-suo", why="unknown campaign")

mutate("POST", "/api/campaigns/h-camp/activities", activity_ok,
       required=["activityId", "unitId", "date", "title", "sessions"],
       numeric=["sessions", "participations", "serviceHours", "beneficiaries"], dates=["date"],
       texts=["title"], optional_texts=["category", "site", "notes"], ids=["activityId", "unitId"])
add("POST", "/api/campaigns/h-camp/activities", body=dict(activity_ok, sessions=0), why="zero sessions")
add("POST", "/api/campaigns/h-camp/activities", body=dict(activity_ok, date="{today+1}"), why="future date")
add("POST", "/api/campaigns/h-camp/activities", body=dict(activity_ok, date="{today-6}"), why="before the period")
add("POST", "/api/campaigns/h-camp/activities", body=dict(activity_ok, unitId="h-center"), why="unit not enrolled")
add("POST", "/api/campaigns/h-camp/activities", body=dict(activity_ok, activityId="h-act-1", sessions=9),
    why="activity id reused with other content")
add("POST", "/api/campaigns/h-missing/activities", body=activity_ok, why="unknown campaign")
mutate("PUT", "/api/campaigns/h-camp/activities/h-act-1", correction_ok, required=["reason", "date", "sessions"],
       numeric=["sessions", "serviceHours"], dates=["date"], texts=["reason"])
add("PUT", "/api/campaigns/h-camp/activities/h-act-missing", body=correction_ok, why="unknown activity")
for bad in BAD_IDS:
    add("POST", f"/api/campaigns/{bad}/activities", body=activity_ok, why=f"bad campaign id {bad!r}")
    add("PUT", f"/api/campaigns/h-camp/activities/{bad}", body=correction_ok, why=f"bad activity id {bad!r}")
    add("DELETE", f"/api/campaigns/h-camp/activities/{bad}?reason=x", why=f"bad activity id {bad!r}")
add("DELETE", "/api/campaigns/h-camp/activities/h-act-1", why="retraction without reason")
add("DELETE", "/api/campaigns/h-camp/activities/h-act-1?reason=", why="retraction with blank reason")
add("DELETE", "/api/campaigns/h-camp/activities/h-act-1?reason=" + "x" * 5000, why="retraction reason too long")
add("DELETE", "/api/campaigns/h-camp/activities/h-act-1?reason[$ne]=x", why="operator in query parameter")
add("DELETE", "/api/campaigns/h-camp/activities/h-act-missing?reason=x", why="unknown activity")
add("POST", "/api/campaigns/h-camp/activities", raw="{bigbody}", why="2 MB body (expanded by the test)")

# Issue 16, finding 6: text that passes a length check but is not what it looks like.
LOOKS_VALID = [("a\\ud800b", "lone high surrogate"), ("a\\udc00", "lone low surrogate"),
               ("\\u200b\\u200b", "zero-width spaces only"), ("\\u3164", "Hangul filler only"),
               ("\\ufeff \\u2060", "BOM and word joiner only"), ("abc\\u202eexe", "right-to-left override"),
               ("\\u2067名称\\u2069", "bidi isolate"), ("a\\u200fb", "right-to-left mark")]
for text, why in LOOKS_VALID:
    unit = json.dumps(unit_ok, ensure_ascii=False).replace('"新单位"', '"' + text + '"')
    add("POST", "/api/units", raw=unit, why=f"{why} in name")
    add("POST", "/api/units/h-suo/rename", raw='{"name": "' + text + '"}', why=f"{why} in rename")
    camp = json.dumps(campaign_ok, ensure_ascii=False).replace('"学雷锋志愿服务月"', '"' + text + '"')
    add("POST", "/api/campaigns", raw=camp, why=f"{why} in campaign title")
    act = json.dumps(activity_ok, ensure_ascii=False).replace('"清洁"', '"' + text + '"')
    add("POST", "/api/campaigns/h-camp/activities", raw=act, why=f"{why} in activity title")
for district in ["海淀", "Haidian", "北京市海淀区", "海淀区\u200b海淀", "海淀区 2", "全国", "海\u200b淀区"]:
    add("POST", "/api/units", body=dict(unit_ok, district=district, parentUnitId=None), why=f"district {district!r}")
    add("POST", "/api/campaigns", body=dict(campaign_ok, district=district), why=f"district {district!r}")
# overlong UTF-8 (C0 AF would decode to "/") and other malformed byte sequences, sent as bytes
for bad, why in [(b"\xc0\xaf", "overlong slash"), (b"\xe0\x80\xaf", "overlong 3-byte slash"),
                 (b"\xed\xa0\x80", "UTF-8 encoded surrogate"), (b"\xff", "byte 0xFF"), (b"\xe4\xb8", "truncated")]:
    body = json.dumps(unit_ok, ensure_ascii=False).replace('"新单位"', '"a@@b"').encode("utf-8").replace(b"@@", bad)
    add("POST", "/api/units", why=f"{why} in name")
    OUT[-1]["rawBase64"] = base64.b64encode(body).decode("ascii")

# Issue 16, finding 7: what Tomcat refuses before the application sees it, still problem+json.
for path in ["/api/units%2Fh-suo/rename", "/api/units/h-suo%2Frename", "/api/units/%00/rename",
             "/api/campaigns/h-camp/activities%00", "/api/campaigns/h-camp%2F..%2F/activities",
             "/api/campaigns/%c0%af/activities"]:
    add("POST", path, body={"name": "x"}, why="malformed URL")
add("POST", "/api/units", body=unit_ok, why="20 KB header (expanded by the test)")
OUT[-1]["headers"] = {"X-Padding": "{bigheader}"}

with open("requests.jsonl", "w", encoding="utf-8") as f:
    for entry in OUT:
        f.write(json.dumps(entry, ensure_ascii=False) + "\n")
print(len(OUT), "requests")
