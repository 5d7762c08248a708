import Testing
import TransitCore
import TransitReports
@testable import TransitEngine

/// The printable checklist formats of `check`.
@Suite struct DocumentReportTests {
    func report(_ file: String) throws -> Report {
        let w = Checkout.workspace
        return w.evaluator.check(try w.loadShipment(Checkout.root + "/" + file, display: file).get())
    }

    @Test func markdownHasTheVerdictTheChecklistAndTheEstimate() throws {
        let md = DocumentReport.markdown(try report("shipments/kz-pk-beef-qtta.yaml"))
        #expect(md.hasPrefix("# KZ-PK-2026-0230: incomplete"))
        #expect(md.contains("| ✗ | Halal certificate (UN/CEFACT 589) | missing | import PK |"))
        #expect(md.contains("## Estimate"))
    }

    @Test func htmlIsAPrintableChecklistWithEscapedText() throws {
        var r = try report("shipments/pk-kz-citrus-tap-road.yaml")
        r.shipmentID = "A&B <1>"
        let html = DocumentReport.html(r)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("A&amp;B &lt;1&gt;"))
        #expect(!html.contains("A&B <1>"))
        #expect(html.contains("class=blocker"), "the closed border is shown first")
        #expect(html.components(separatedBy: "<tr class=").count - 1 == r.checklist.count)
    }
}
