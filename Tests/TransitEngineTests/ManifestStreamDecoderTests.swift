import Foundation
import Testing
import TransitCore
@testable import TransitEngine
@testable import TransitYAML

/// The event decoder (the fast path for valid manifests) against the tree decoder (which
/// explains every problem): what the first accepts, the second decodes to the same shipment,
/// locations included; what the second rejects, the first never accepts.
@Suite struct ManifestStreamDecoderTests {
    let vocabulary = Checkout.workspace.vocabulary

    /// Both decoders' answers for one text.
    func decodeBoth(
        _ text: String, vocabulary: ManifestVocabulary? = nil
    ) -> (stream: Shipment?, tree: Result<Shipment, LoadFailure>) {
        let vocabulary = vocabulary ?? self.vocabulary
        let bytes = Array(text.utf8)
        let stream = bytes.withUnsafeBufferPointer {
            ManifestStreamDecoder.decode($0, file: "m.yaml", vocabulary: vocabulary)
        }
        let tree: Result<Shipment, LoadFailure>
        switch YAMLReader.parse(text, file: "m.yaml", limits: Files.manifestLimits) {
        case .failure(let d): tree = .failure(LoadFailure([d]))
        case .success(let node): tree = ManifestDecoder.decode(node, file: "m.yaml", vocabulary: vocabulary)
        }
        return (stream, tree)
    }

    /// The two agree on `text`; returns whether the fast path took it.
    @discardableResult
    func expectAgreement(_ text: String, _ what: String, vocabulary: ManifestVocabulary? = nil) -> Bool {
        let (stream, tree) = decodeBoth(text, vocabulary: vocabulary)
        guard let stream else { return false }
        switch tree {
        case .success(let s): #expect(s == stream, "\(what): the decoders disagree")
        case .failure(let f):
            Issue.record("\(what): the fast path accepted what the tree rejects: \(f.diagnostics.map(\.message))")
        }
        return true
    }

    @Test func bundledShipmentsTakeTheFastPathAndDecodeTheSame() throws {
        let files = Checkout.files(in: "shipments")
        #expect(files.count >= 5)
        for file in files {
            let text = try String(contentsOfFile: Checkout.root + "/" + file, encoding: .utf8)
            #expect(expectAgreement(text, file), "\(file) should take the fast path")
        }
    }

    @Test func generatedManifestsTakeTheFastPathAndDecodeTheSame() {
        let g = CorpusGenerator(seed: 3)
        for i in 0..<300 {
            #expect(expectAgreement(g.manifest(i), "generated \(i)"), "generated \(i) should take the fast path")
        }
    }

    @Test func invalidManifestsNeverTakeTheFastPath() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Checkout.root + "/shipments/invalid").sorted()
        #expect(!files.isEmpty)
        for file in files {
            guard let text = try? String(contentsOfFile: Checkout.root + "/shipments/invalid/" + file, encoding: .utf8)
            else { continue }
            #expect(decodeBoth(text).stream == nil, "\(file)")
        }
    }

    /// Every one-line edit of real manifests (the line dropped, its value made null, quoted,
    /// emptied or replaced by a list or a mapping, the line repeated): whatever the fast path
    /// accepts, the tree decodes the same. Many edits are errors, so this also checks that the
    /// fast path turns them down.
    @Test func oneLineEditsAgree() throws {
        var texts = [CorpusGenerator(seed: 11).manifest(0), CorpusGenerator(seed: 11).manifest(1)]
        for file in Checkout.files(in: "shipments").prefix(4) {
            texts.append(try String(contentsOfFile: Checkout.root + "/" + file, encoding: .utf8))
        }
        var accepted = 0, tried = 0
        for text in texts {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (i, line) in lines.enumerated() {
                var variants: [String] = [""]
                if let colon = line.firstIndex(of: ":") {
                    let head = line[...colon]
                    let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    variants += [
                        "\(head) ~", "\(head) null", "\(head)", "\(head) \"\(value)\"", "\(head) [\(value)]",
                        "\(head) { x: 1 }", "\(head) -1", "\(head) 2026-02-30", "\(head) 'null'",
                    ]
                }
                variants.append(line + "\n" + line)
                for v in variants {
                    var edited = lines
                    edited[i] = v
                    tried += 1
                    if expectAgreement(edited.joined(separator: "\n"), "line \(i + 1) as `\(v)`") { accepted += 1 }
                }
            }
        }
        #expect(accepted > 50 && accepted < tried, "the edits should include both accepted and rejected texts")
    }

    /// The fast path finds document types, places, corridors and regimes in the vocabulary by
    /// their bytes; a plain null is still null there, even where the vocabulary holds an id
    /// spelt `null` (the tree reads a null, not the id).
    @Test func idsSpeltNullAreStillNull() throws {
        let v = vocabulary
        let odd = ["null", "Null", "~"]
        let vocabulary = ManifestVocabulary(
            documentTypes: Set(v.documentTypes.texts + odd), places: Set(v.places.texts + odd),
            corridors: Set(v.corridors.texts + odd), regimes: Set(v.regimes.texts + odd))
        let text = CorpusGenerator(seed: 7).manifest(0)
        #expect(expectAgreement(text, "unedited", vocabulary: vocabulary))
        var edits = 0
        for key in ["type", "origin", "destination", "corridor", "regime", "departure", "issued", "expires", "country"]
        {
            for null in ["null", "Null", "~", "'null'"] {
                guard let line = text.split(separator: "\n").first(where: { $0.contains("\(key): ") }) else { continue }
                let value = try #require(line.split(separator: ": ").last).prefix { !" ,}".contains($0) }
                let edited = text.replacingOccurrences(of: "\(key): \(value)", with: "\(key): \(null)")
                _ = expectAgreement(edited, "\(key): \(null)", vocabulary: vocabulary)
                edits += 1
            }
        }
        #expect(edits >= 24)
        let typeNull = text.replacingOccurrences(of: "type: commercial-invoice", with: "type: null")
        #expect(decodeBoth(typeNull, vocabulary: vocabulary).stream == nil, "a null type is refused, not read as an id")
    }

    @Test func aliasesAndTrailingSyntaxErrorsGoToTheTree() {
        let text = CorpusGenerator(seed: 5).manifest(0)
        #expect(decodeBoth(text).stream != nil)
        #expect(decodeBoth(text + "\n]").stream == nil, "a syntax error after the mapping still fails the file")
        let aliased = text.replacingOccurrences(of: "origin: PK", with: "origin: &o PK", options: [], range: nil)
        #expect(expectAgreement(aliased, "an anchor without an alias"))
        #expect(decodeBoth(text + "\nextra: *o").stream == nil)
        #expect(decodeBoth("- 1\n- 2\n").stream == nil)
        #expect(decodeBoth("").stream == nil)
    }
}
