// libFuzzer target: any bytes as a manifest, read by the plain block reader and by libyaml (which
// must agree), decoded and, when they decode, checked against the bundled rules. A crash, a trap,
// a hang or a disagreement is a finding; an error diagnostic is the right answer.
import Foundation
import TransitCore
import TransitEngine
import TransitYAML

let workspace: Workspace = {
    let dir = ProcessInfo.processInfo.environment["TRANSIT_RULES"] ?? "rules"
    guard case .success(let w) = Workspace.load(rulesDirectory: dir) else { fatalError("bundled rules do not load from \(dir)") }
    return w
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Where the plain block reader reads the text, it reads it as libyaml does.
    if let problem = bytes.withUnsafeBufferPointer(BlockYAMLEvents.disagreement) { preconditionFailure(problem) }
    if case .success(let shipment) = ManifestDecoder.decode(bytes: &bytes, file: "fuzz.yaml", vocabulary: workspace.vocabulary) {
        let report = workspace.evaluator.check(shipment)
        // Every finding about the manifest names where it is, and the same input gives the same report.
        precondition(report == workspace.evaluator.check(shipment))
    }
    return 0
}
