// libFuzzer target: any bytes as one rule pack added to the bundled rules; when the rules load,
// every bundled shipment is checked with them. Figures that load must not trap in evaluation.
import Foundation
import TransitCore
import TransitEngine
import TransitYAML

let base = ProcessInfo.processInfo.environment["TRANSIT_RULES"] ?? "rules"
let scratch = NSTemporaryDirectory() + "transit-fuzz-rules-\(getpid())"
let shipments: [String] = {
    let dir = ProcessInfo.processInfo.environment["TRANSIT_SHIPMENTS"] ?? "shipments"
    return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
}()
let setUp: Bool = {
    try? FileManager.default.removeItem(atPath: scratch)
    try! FileManager.default.copyItem(atPath: base, toPath: scratch)
    return true
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = setUp
    let pack = scratch + "/fuzz-pack.yaml"
    FileManager.default.createFile(atPath: pack, contents: Data(bytes: data, count: size))
    defer { try? FileManager.default.removeItem(atPath: pack) }
    guard case .success(let w) = Workspace.load(rulesDirectory: scratch) else { return 0 }
    for file in shipments {
        if case .success(let s) = w.loadShipment(file) { _ = w.evaluator.check(s) }
    }
    return 0
}
