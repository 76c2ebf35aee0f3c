package cn.tongban.sharing;

import java.io.InputStream;
import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.tongban.identity.Permissions;
import cn.tongban.sharing.Deliveries.DeliveryManifest;
import cn.tongban.sharing.Deliveries.DeliveryReceipt;
import cn.tongban.sharing.Deliveries.ReceiptKey;

/**
 * 定期共享数据报送 (常经办发〔2023〕19号 附件1). The body is the file itself ({@code text/csv} with a header line, or
 * {@code application/x-ndjson} / {@code application/jsonl}), streamed, never held in memory; the manifest is in
 * headers: {@code X-Item-No}, {@code X-Period} ({@code 2026-Q3}, {@code 2026-07}, {@code 2026-W27}, {@code 2026-H1},
 * {@code 2026}, or the event date), {@code X-Record-Count} and {@code X-Content-SM3} (64 hex digits).
 */
@RestController
@RequestMapping("/api/v1/sharing/deliveries")
class DeliveryController {

    private final Deliveries deliveries;

    DeliveryController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    /** Receives a delivery and answers 201 with the signed receipt. */
    @PreAuthorize("hasAuthority('" + Permissions.DELIVERY_SUBMIT + "')")
    @PostMapping(consumes = {"text/csv", DeliveryFormat.NDJSON, DeliveryFormat.JSONL})
    ResponseEntity<DeliveryReceipt> submit(@RequestHeader(name = Deliveries.ITEM, required = false) String itemNo,
            @RequestHeader(name = Deliveries.PERIOD, required = false) String period,
            @RequestHeader(name = Deliveries.RECORDS, required = false) String recordCount,
            @RequestHeader(name = Deliveries.SM3, required = false) String sm3,
            @RequestHeader(name = "Content-Type", required = false) String contentType, InputStream body) {
        DeliveryReceipt receipt = deliveries.submit(new DeliveryManifest(itemNo, period, recordCount, sm3, contentType), body);
        return ResponseEntity.created(URI.create("/api/v1/sharing/deliveries/" + receipt.deliveryId() + "/receipt")).body(receipt);
    }

    /** The signed receipt again: to the delivering department or an assessor. */
    @PreAuthorize("hasAnyAuthority('" + Permissions.DELIVERY_SUBMIT + "', '" + Permissions.ASSESSMENT_QUERY + "')")
    @GetMapping("/{id}/receipt")
    DeliveryReceipt receipt(@PathVariable long id) {
        return deliveries.receiptFor(id);
    }

    /** The platform's public SM2 key that signs receipts, for the departments that deliver (and assessors) to verify them. */
    @PreAuthorize("hasAnyAuthority('" + Permissions.DELIVERY_SUBMIT + "', '" + Permissions.ASSESSMENT_QUERY + "', '"
            + Permissions.CATALOG_QUERY + "')")
    @GetMapping("/receipt-key")
    ReceiptKey receiptKey() {
        return deliveries.receiptKey();
    }
}
