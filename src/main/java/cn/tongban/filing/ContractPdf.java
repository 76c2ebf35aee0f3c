package cn.tongban.filing;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

import cn.tongban.kernel.pdf.A4Pdf;

/**
 * 合同文本 as a PDF (建房规〔2020〕4号 三（九）; issue #4 item 2): the contract's text on A4 pages, the filing code and
 * 第 x 页 共 y 页 at the foot of every page, typeset by {@link A4Pdf} (embedded CJK font). The same text, filing code
 * and filing time give the same bytes, so a stored PDF can be rendered again and compared.
 */
@Component
class ContractPdf {

    private final A4Pdf pdf;

    ContractPdf() {
        // parsed now, so that a build without the font fails at start rather than at the first filing
        this.pdf = A4Pdf.shared();
    }

    /** The PDF of the contract text; its first line is the title. */
    byte[] render(String filingCode, String text, OffsetDateTime filedAt) {
        return pdf.render(text, "备案编码：" + filingCode,
                new A4Pdf.Description("网签备案 " + filingCode, filedAt, filingCode + "\n" + text), null);
    }
}
