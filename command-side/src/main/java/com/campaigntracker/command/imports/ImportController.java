package com.campaigntracker.command.imports;

import com.campaigntracker.command.imports.ImportViews.ApplyRequest;
import com.campaigntracker.command.imports.ImportViews.ImportPreview;
import com.campaigntracker.command.imports.ImportViews.ImportStatus;
import com.campaigntracker.command.rules.TextBounds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;

/** 导入: templates, upload with preview (nothing written), apply, progress. */
@RestController
@Tag(name = "导入", description = "下载模板;上传 Excel/CSV 台账或单位名册,预览校验结果(不写入),确认后按行执行普通命令")
public class ImportController {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Imports imports;
    private final Templates templates;

    public ImportController(Imports imports, Templates templates) {
        this.imports = imports;
        this.templates = templates;
    }

    @GetMapping("/api/campaigns/{campaignId}/ledger/template.xlsx")
    @Operation(summary = "下载台账模板", description = "列名、示例行、已报到单位下拉列表与填写说明")
    public ResponseEntity<byte[]> ledgerTemplate(@PathVariable String campaignId) {
        TextBounds.id("campaignId", campaignId);
        return file(templates.ledger(campaignId), "台账模板-" + campaignId + ".xlsx");
    }

    @GetMapping("/api/units/template.xlsx")
    @Operation(summary = "下载单位名册模板")
    public ResponseEntity<byte[]> unitsTemplate() {
        return file(templates.units(), "单位名册模板.xlsx");
    }

    @PostMapping(path = "/api/campaigns/{campaignId}/ledger/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传台账并预览", description = "201;逐行按填报规则校验,什么也不写入;确认后调用 apply")
    public ResponseEntity<ImportPreview> ledger(@PathVariable String campaignId,
                                                @RequestPart(name = "file", required = false) MultipartFile file) {
        TextBounds.id("campaignId", campaignId);
        ImportPreview preview = imports.previewLedger(campaignId, file);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/imports/" + preview.importId())
                .body(preview);
    }

    @PostMapping(path = "/api/units/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传单位名册并预览", description = "201;逐行按登记规则校验,什么也不写入")
    public ResponseEntity<ImportPreview> units(@RequestPart(name = "file", required = false) MultipartFile file) {
        ImportPreview preview = imports.previewUnits(file);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/imports/" + preview.importId())
                .body(preview);
    }

    @PostMapping("/api/imports/{importId}/apply")
    @Operation(summary = "执行导入", description = "202;后台逐行执行,进度见 GET /api/imports/{importId};重复执行不会重复计数")
    public ResponseEntity<ImportStatus> apply(@PathVariable String importId,
                                              @RequestBody(required = false) ApplyRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.apply(importId, request));
    }

    @GetMapping("/api/imports/{importId}")
    @Operation(summary = "导入进度与结果")
    public ImportStatus status(@PathVariable String importId) {
        return imports.status(importId);
    }

    @GetMapping("/api/imports/{importId}/report.xlsx")
    @Operation(summary = "导入结果报告", description = "上传的各行原样,加一列“结果”")
    public void report(@PathVariable String importId, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        // the import is looked up (404 for another account's) before anything is written
        imports.status(importId);
        response.setContentType(XLSX.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("导入结果-" + importId + ".xlsx", StandardCharsets.UTF_8).build().toString());
        imports.report(importId, response.getOutputStream());
    }

    private static ResponseEntity<byte[]> file(byte[] body, String filename) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
