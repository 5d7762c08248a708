import TransitCore
import TransitReports

enum BatchJSONL {
    static func line(_ row: BatchRow) -> [UInt8] {
        switch row.outcome {
        case .report(let r):
            return JSONReport.line(r)
        case .invalid(let file, let ds):
            return Array(JSONValue.object([
                ("report", .int(1)),
                ("shipment", .object([("id", .null), ("file", .string(file))])),
                ("verdict", .string("error")),
                ("errors", .array(ds.map(DiagnosticJSON.value))),
            ]).compact.utf8) + [10]
        }
    }
}
