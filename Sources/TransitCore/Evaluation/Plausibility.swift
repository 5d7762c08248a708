/// Remarks on a manifest that is valid but unlikely to be what the shipper meant, at the field
/// they are about: the evaluator adds them to every report.
enum Plausibility {
    static func findings(_ shipment: Shipment, destinationCountry: String) -> [Finding] {
        var out: [Finding] = []
        if !destinationCountry.isEmpty, shipment.consignee.country != destinationCountry {
            out.append(
                Finding(
                    severity: .warning, code: .consigneeOutsideDestination,
                    message:
                        "the consignee is in \(shipment.consignee.country) but the goods are delivered to "
                        + "\(shipment.destination) in \(destinationCountry); the import declaration is lodged in "
                        + "\(destinationCountry) by an importer there: check the consignee or the destination",
                    rule: nil, path: "consignee.country", location: shipment.fieldLocations["consignee"]))
        }
        return out
    }
}
