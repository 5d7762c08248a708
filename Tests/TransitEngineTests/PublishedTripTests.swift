import Foundation
import Testing
import TransitCore
@testable import TransitEngine

/// The estimate set against trips of this trade whose journey times were published. Each must
/// come within a third of the published figure (README lists them with their sources, and the
/// two the estimate misses, with the reason).
@Suite struct PublishedTripTests {
    struct Trip: CustomStringConvertible {
        var name: String
        var origin: String, destination: String, corridor: String
        var mode: TransportMode, unit: String
        var departure: String
        var days: Double
        var description: String { name }
    }

    static let trips: [Trip] = [
        // TCS's TIR pilot, Karachi 29 Apr 2021 to Tashkent 4 May (invest.gov.uz; iru.org 2021-05-27).
        Trip(
            name: "Karachi-Tashkent by truck, 2021", origin: "PKKHI", destination: "UZTAS", corridor: "uap-road",
            mode: .road, unit: "truck", departure: "2021-04-29", days: 5),
        // Frozen meat, 2,760 km in "a week" (Xinhua via washingtondcdespatch 2022-06-18).
        Trip(
            name: "Karachi-Tashkent by truck, 2022", origin: "PKKHI", destination: "UZTAS", corridor: "uap-road",
            mode: .road, unit: "truck", departure: "2022-06-10", days: 7),
        // The pilot's return leg reached Torkham in 48 hours (invest.gov.uz).
        Trip(
            name: "Tashkent-Torkham by truck, 2021", origin: "UZTAS", destination: "AFRKH", corridor: "uap-road",
            mode: .road, unit: "truck", departure: "2021-05-10", days: 2),
        // Pavlodar 15 Jun 2022 to Tehran 20 Jun, 48 containers (orient.tm; inform.kz 2022-06-20).
        Trip(
            name: "Pavlodar-Tehran by rail, 2022", origin: "KZPWQ", destination: "IRTHR",
            corridor: "instc-bandar-abbas",
            mode: .rail, unit: "container", departure: "2022-06-15", days: 5),
        // Middle-corridor block trains, Altynkol to Baku in 9 days (trend.az 2024-05-31).
        Trip(
            name: "Altynkol-Baku by rail and ferry, 2024", origin: "KZAKL", destination: "AZBAK",
            corridor: "middle-corridor",
            mode: .rail, unit: "container", departure: "2024-06-01", days: 9),
    ]

    func estimateDays(_ trip: Trip) throws -> Double {
        var s = try Checkout.workspace.loadShipment(Checkout.root + "/shipments/kz-pk-wheat-tap-road-2025.yaml").get()
        s.origin = trip.origin
        s.destination = trip.destination
        s.corridor = trip.corridor
        s.mode = trip.mode
        s.transport = Transport(units: 1, unit: trip.unit)
        s.departure = try #require(Day(iso: trip.departure))
        let report = Checkout.workspace.evaluator.check(s)
        #expect(report.corridor == trip.corridor)
        return report.estimate.timeHours.p50 / 24
    }

    @Test(arguments: trips)
    func theTripTakesWithinAThirdOfThePublishedDays(_ trip: Trip) throws {
        let days = try estimateDays(trip)
        #expect(
            days >= trip.days * 2 / 3 && days <= trip.days * 4 / 3,
            "\(trip.name): estimate \(days) days, published \(trip.days)")
    }
}
