import TransitCore

/// Reads a waivers file (`batch --waivers waivers.yaml`):
///
/// ```yaml
/// waivers:
///   - manifest: "KZ-PK-2026-*"        # a manifest id or file, or a glob over them
///     rule: pk-dpp-import-permit       # a rule id, or a finding's code (link-closed)
///     reason: permit applied for, DPP reference 4411
///     who: a.khan@broker.example
///     expires: 2026-04-30              # the last day it holds
/// ```
///
/// Every key is required and unknown keys are errors, each with its line and column.
public enum WaiverDecoder {
    /// The waivers in a file, and the problems found reading it.
    public static func decode(_ root: YAMLNode, file: String) -> (waivers: [Waiver], diagnostics: [Diagnostic]) {
        let s = Schema(file: file)
        var out: [Waiver] = []
        guard let f = s.fields(root, "waivers file", allowed: ["waivers"], required: ["waivers"]) else {
            return ([], s.diagnostics.all)
        }
        let keys = ["manifest", "rule", "reason", "who", "expires"]
        for (i, item) in (s.sequence(f["waivers"], "waivers") ?? []).enumerated() {
            let what = "waivers[\(i)]"
            guard let w = s.fields(item, what, allowed: keys, required: keys),
                let manifest = s.string(w["manifest"], "\(what).manifest"),
                let rule = s.string(w["rule"], "\(what).rule"),
                let reason = s.string(w["reason"], "\(what).reason"), let who = s.string(w["who"], "\(what).who"),
                let expires = s.day(w["expires"], "\(what).expires")
            else { continue }
            out.append(
                Waiver(
                    manifest: manifest, rule: rule, reason: reason, who: who, expires: expires, location: item.location)
            )
        }
        return (out, s.diagnostics.all)
    }
}
