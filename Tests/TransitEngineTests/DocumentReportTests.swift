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

@Suite struct ChartTests {
    @Test func timeCostChartHasALinePerCorridorPerPanelWithVerticalSteps() throws {
        let w = Checkout.workspace
        let c = try #require(w.network.corridors["qtta-torugart"])
        let steps = try #require(w.evaluator.referenceSteps(corridor: c))
        let svg = TimeCostChart.svg(title: "Q & A", series: [.init(name: "qtta-torugart", steps: steps), .init(name: "again", steps: steps)])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("Q &amp; A"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        // A border adds time without distance: two consecutive points share their x.
        let time = TimeCostChart.points(steps)
        #expect(zip(time, time.dropFirst()).contains { $0.km == $1.km && $1.hours > $0.hours })
        #expect(time.last!.km == steps.compactMap(\.km).reduce(0, +))
    }
}
