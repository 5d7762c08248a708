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
    @Test func timeCostChartHasALineAndABandPerCorridorPerPanelWithVerticalSteps() throws {
        let w = Checkout.workspace
        let c = try #require(w.network.corridors["qtta-torugart"])
        let points = try #require(w.evaluator.referenceProfile(corridor: c))
        let svg = TimeCostChart.svg(
            title: "Q & A",
            series: [.init(name: "qtta-torugart", points: points), .init(name: "again", points: points)])
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("Q &amp; A"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 4, "a p10-p90 band under each line")
        // A border adds time without distance: two consecutive points share their x.
        #expect(zip(points, points.dropFirst()).contains { $0.km == $1.km && $1.hours.p50 > $0.hours.p50 })
        #expect(points.allSatisfy { $0.hours.p10 <= $0.hours.p50 && $0.hours.p50 <= $0.hours.p90 })
    }

    /// The chart plots what the table says: its last point is the report's trip and cost.
    @Test func theChartEndsAtTheReportsTotals() throws {
        let w = Checkout.workspace
        for file in ["pk-kz-potatoes-qtta.yaml", "kz-pk-oats-qtta.yaml", "kz-pk-flaxseed-instc-bandar-abbas.yaml"] {
            let s = try w.loadShipment(Checkout.root + "/shipments/" + file).get()
            let r = w.evaluator.check(s)
            let end = try #require(w.evaluator.profile(s, r).last)
            #expect(
                abs(end.hours.p50 - r.estimate.timeHours.p50) <= max(0.5, r.estimate.timeHours.p50 * 0.002),
                "\(file) time")
            #expect(abs(end.usd.p50 - r.estimate.costUSD.p50) <= max(1, r.estimate.costUSD.p50 * 0.002), "\(file) cost")
            #expect(
                abs(end.hours.p90 - r.estimate.timeHours.p90) <= max(0.5, r.estimate.timeHours.p90 * 0.002),
                "\(file) time p90")
        }
    }

    @Test func axesEndOnRoundNumbers() {
        #expect(TimeCostChart.axis(217).top == 250 && TimeCostChart.axis(217).step == 50)
        #expect(TimeCostChart.axis(6631).top == 8000 && TimeCostChart.axis(6631).step == 2000)
        #expect(TimeCostChart.axis(0).top == 1)
    }
}
