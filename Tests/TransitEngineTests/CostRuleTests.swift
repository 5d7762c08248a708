import Foundation
import Testing
import TransitCore
@testable import TransitEngine

/// How the estimate prices a shipment: by the vehicle, wagon or container, not by the tonne; by
/// direction at borders; each step once.
@Suite struct CostRuleTests {
    let evaluator = Checkout.workspace.evaluator

    func load(_ file: String) throws -> Shipment {
        try Checkout.workspace.loadShipment(Checkout.root + "/shipments/" + file).get()
    }

    func legCost(_ r: Report) -> Double {
        r.estimate.steps.filter { $0.kind == .leg }.reduce(0) { $0 + $1.costUSD.p50 }
    }

    func weighing(_ s: Shipment, kg: Double) -> Shipment {
        var s = s
        s.goods[0].netKg = kg
        s.goods[0].grossKg = kg
        return s
    }

    @Test func oneTruckCostsTheSameWhateverItCarriesUpToItsPayload() throws {
        let potatoes = try load("pk-kz-potatoes-qtta.yaml")
        let full = evaluator.check(weighing(potatoes, kg: 24600)), light = evaluator.check(weighing(potatoes, kg: 4700))
        #expect(legCost(full) > 0)
        #expect(legCost(full) == legCost(light))
        #expect(full.estimate.costUSD == light.estimate.costUSD)
    }

    @Test func twoTrucksCostTwiceOne() throws {
        var s = try load("pk-kz-potatoes-qtta.yaml")
        let one = evaluator.check(s)
        s.transport.units = 2
        let two = evaluator.check(s)
        #expect(abs(legCost(two) - 2 * legCost(one)) < 0.01)
        let borders = { (r: Report) in r.estimate.steps.filter { $0.kind == .border }.reduce(0) { $0 + $1.costUSD.p50 }
        }
        #expect(abs(borders(two) - 2 * borders(one)) < 0.01)
    }

    @Test func aSharedLoadPaysItsShareOfTheTruck() throws {
        var s = weighing(try load("pk-kz-potatoes-qtta.yaml"), kg: 5000)
        let whole = evaluator.check(s)
        s.transport.shared = true
        let shared = evaluator.check(s)
        #expect(abs(legCost(shared) - legCost(whole) * 5 / 20) < 0.01, "5 t pays a quarter of a 20-tonne truck")
    }

    @Test func aRailContainerFollowsThePerContainerRate() throws {
        let r = evaluator.check(try load("kz-pk-flaxseed-instc-bandar-abbas.yaml"))
        let leg = try #require(r.estimate.steps.first { $0.kind == .leg && $0.from == "KZALA" && $0.to == "KZBLK" })
        // The KZ-TM-IR through-rate, USD 0.15 a container-km (rules/network/instc.yaml).
        #expect(leg.costUSD.p50 == 0.15 * 3200)
        #expect(leg.costUSD.p90 == 0.24 * 3200)
    }

    @Test func aBorderCrossedEachWayUsesThatDirectionsFigures() throws {
        var s = try load("kz-pk-wheat-uap.yaml")
        s.departure = Day(iso: "2025-06-10")!  // Torkham open
        let intoPakistan = try #require(
            evaluator.check(s).estimate.steps.first { $0.kind == .border && $0.to == "PKTOR" })
        #expect(intoPakistan.hours.p50 == 120)
        swap(&s.origin, &s.destination)
        swap(&s.shipper, &s.consignee)
        let outOfPakistan = try #require(
            evaluator.check(s).estimate.steps.first { $0.kind == .border && $0.from == "PKTOR" })
        #expect(outOfPakistan.hours.p50 == 24.2)
        #expect(outOfPakistan.costUSD.p50 == 267)
    }

    @Test func eachStepIsCountedOnceAndTheDocumentWaitIsNotInTheTrip() throws {
        let s = try load("pk-kz-potatoes-qtta.yaml")
        let ready = evaluator.check(s)
        var lacking = s
        lacking.documents.removeAll { $0.type == "tir-carnet" }
        let waiting = evaluator.check(lacking)
        #expect(waiting.estimate.delayFromMissingDocumentsHours.p50 > 0)
        #expect(
            waiting.estimate.timeHours == ready.estimate.timeHours, "the carnet's lead time is not part of the trip")
        // The trip's median lies between the sum of its steps' medians and the sum of their p90s:
        // a step counted twice would push it past the p90s; one left out, under the medians.
        let trip = ready.estimate.steps.filter { $0.kind != .document }
        let medians = trip.reduce(0) { $0 + $1.hours.p50 }, slow = trip.reduce(0) { $0 + $1.hours.p90 }
        #expect(ready.estimate.timeHours.p50 >= medians * 0.98 && ready.estimate.timeHours.p50 <= slow)
        #expect(Set(trip.map { "\($0.kind)|\($0.name)|\($0.place ?? "")" }).count == trip.count)
    }
}
