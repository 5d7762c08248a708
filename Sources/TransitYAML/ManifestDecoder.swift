import TransitCore

/// The ids a manifest may refer to, so that unknown documents, places, corridors and regimes
/// are load errors with a did-you-mean. Each is a `TextTable` of the ids in sorted order: the
/// stream decoder looks one up for every document and several fields of every manifest, and
/// suggestions go through them in the same order on every run. A class, so that a decoder
/// holds all four with one reference.
public final class ManifestVocabulary: Sendable {
    public let documentTypes: TextTable
    public let places: TextTable
    public let corridors: TextTable
    public let regimes: TextTable

    public init(documentTypes: Set<String>, places: Set<String>, corridors: Set<String>, regimes: Set<String>) {
        self.documentTypes = TextTable(documentTypes.sorted()); self.places = TextTable(places.sorted())
        self.corridors = TextTable(corridors.sorted()); self.regimes = TextTable(regimes.sorted())
    }
}

/// Reads a manifest (SPEC 2.1) from YAML or JSON text, strictly.
public enum ManifestDecoder {
    /// A manifest's text, decoded as its bytes are.
    public static func decode(
        _ text: String, file: String, vocabulary: ManifestVocabulary?,
        limits: YAMLLimits = .standard
    ) -> Result<Shipment, LoadFailure> {
        var bytes = Array(text.utf8)
        return decode(bytes: &bytes, file: file, vocabulary: vocabulary, limits: limits)
    }

    /// A manifest file's bytes: the common case straight from libyaml's events, and anything
    /// else through the tree, which reports every problem with its position.
    public static func decode(
        bytes: inout [UInt8], file: String, vocabulary: ManifestVocabulary?,
        limits: YAMLLimits = .standard
    ) -> Result<Shipment, LoadFailure> {
        if bytes.count <= limits.maxBytes,
            let shipment = bytes.withUnsafeBufferPointer({
                ManifestStreamDecoder.decode($0, file: file, vocabulary: vocabulary)
            })
        {
            return consistent(shipment)
        }
        switch YAMLReader.parse(bytes: &bytes, file: file, limits: limits) {
        case .failure(let d): return .failure(LoadFailure([d]))
        case .success(let node): return decode(node, file: file, vocabulary: vocabulary)
        }
    }

    /// A manifest already parsed into a tree: every problem reported with its position.
    public static func decode(
        _ node: YAMLNode, file: String, vocabulary: ManifestVocabulary?
    ) -> Result<Shipment, LoadFailure> {
        let schema = Schema(file: file)
        let shipment = read(node, schema, vocabulary)
        if let shipment, !schema.diagnostics.hasErrors { return consistent(shipment) }
        return .failure(LoadFailure(schema.diagnostics.all))
    }

    /// Checks across fields that a manifest read key by key cannot make, the same after either
    /// decoder: a shipment cannot start where it ends.
    static func consistent(_ shipment: Shipment) -> Result<Shipment, LoadFailure> {
        guard shipment.origin == shipment.destination else { return .success(shipment) }
        return .failure(
            LoadFailure([
                Diagnostic(
                    "same-origin-destination",
                    "destination \(shipment.destination) is the origin; a shipment must go somewhere else",
                    at: shipment.fieldLocations["destination"],
                    help: "give the UN/LOCODE of the place the goods are delivered to")
            ]))
    }

    private static func read(_ node: YAMLNode, _ s: Schema, _ vocab: ManifestVocabulary?) -> Shipment? {
        let top = ManifestSchema.top
        guard let f = s.fields(node, "manifest", allowed: top.names, required: top.required) else { return nil }
        var id: String?, shipper: Party?, consignee: Party?, origin: String?, destination: String?
        var corridor: String?, mode: TransportMode?, regime: String?, departure: Day?
        var transport = Transport(), goods: [GoodsLine] = [], documents: [AttachedDocument] = []
        var locations = FieldLocations()
        for key in TopKey.allCases {
            let name = top.name(key)
            guard let v = f[name] else { continue }
            locations.append(name, f.location(of: name))
            switch key {
            case .manifest:
                if let n = s.int(v, "manifest"), n != 1 {
                    s.error(
                        "unsupported-version", "manifest format \(n) is not supported; this version reads format 1",
                        at: v)
                }
            case .id: id = s.string(v, "id")
            case .shipper: shipper = party(v, "shipper", s)
            case .consignee: consignee = party(v, "consignee", s)
            case .origin: origin = place(v, "origin", s, vocab)
            case .destination: destination = place(v, "destination", s, vocab)
            case .corridor:
                guard !v.isNull, let c = s.identifier(v, "corridor") else { break }
                if let known = vocab?.corridors, !known.contains(c) {
                    s.error(
                        "unknown-corridor", "unknown corridor `\(c)`", at: v,
                        help: DidYouMean.help(c, among: known.texts))
                }
                corridor = c
            case .mode: mode = s.choice(v, "mode", TransportMode.self)
            case .regime:
                regime = s.string(v, "regime")
                if let r = regime, let known = vocab?.regimes, !known.contains(r), !Shipment.nationalRegimes.contains(r)
                {
                    s.error(
                        "unknown-regime", "unknown transit regime `\(r)`; name an agreement id, `national` or `none`",
                        at: v, help: DidYouMean.help(r, among: known.texts + Shipment.nationalRegimes.sorted()))
                    regime = nil
                }
            case .departure: departure = s.day(v, "departure")
            case .transport: transport = self.transport(v, s) ?? Transport()
            case .goods:
                guard let items = s.sequence(v, "goods") else { break }
                if items.isEmpty { s.error("missing-value", "goods must list at least one line", at: v) }
                var seen = Set<Int>()
                for (i, item) in items.enumerated() {
                    guard let g = goodsLine(item, i, s) else { continue }
                    if !seen.insert(g.line).inserted {
                        s.error("duplicate-id", "goods line \(g.line) appears twice", at: item["line"] ?? item)
                    }
                    goods.append(g)
                }
            case .documents:
                let lines = Set(goods.map(\.line))
                for (i, item) in (s.sequence(v, "documents") ?? []).enumerated() {
                    if let d = document(item, i, s, vocab, lines: lines) { documents.append(d) }
                }
            }
        }
        guard let id, let shipper, let consignee, let origin, let destination, let mode, let regime, let departure
        else {
            return nil
        }
        return Shipment(
            id: id, file: s.file, shipper: shipper, consignee: consignee, origin: origin,
            destination: destination, corridor: corridor, mode: mode, regime: regime, departure: departure,
            transport: transport, goods: goods, documents: documents, fieldLocations: locations)
    }

    private static func party(_ node: YAMLNode?, _ what: String, _ s: Schema) -> Party? {
        guard let node,
            let f = s.fields(node, what, allowed: ManifestSchema.partyKeys, required: ManifestSchema.partyKeys),
            let name = s.string(f["name"], "\(what).name"), let country = s.country(f["country"], "\(what).country")
        else { return nil }
        return Party(name: name, country: country)
    }

    private static func place(_ node: YAMLNode?, _ what: String, _ s: Schema, _ vocab: ManifestVocabulary?) -> String? {
        guard let node, let id = s.string(node, what) else { return nil }
        if let known = vocab?.places, !known.contains(id) {
            // A UN/LOCODE starts with its country: suggest that country's places first.
            let sameCountry = known.texts.filter { $0.hasPrefix(id.prefix(2).uppercased()) }
            s.error(
                "unknown-place",
                "unknown place `\(id)` (a UN/LOCODE from rules/network; `transit-check places list` shows them)",
                at: node,
                help: DidYouMean.help(id, among: sameCountry) ?? DidYouMean.help(id, among: known.texts))
            return nil
        }
        return id
    }

    private static func transport(_ node: YAMLNode, _ s: Schema) -> Transport? {
        guard let f = s.fields(node, "transport", allowed: ManifestSchema.transportKeys) else { return nil }
        var t = Transport()
        for field in Transport.fields {
            guard let v = f[field.key] else { continue }
            field.read(s, v, "transport.\(field.key)", into: &t)
        }
        return t
    }

    private static func goodsLine(_ node: YAMLNode, _ i: Int, _ s: Schema) -> GoodsLine? {
        var what: String { "goods[\(i)]" }  // built only for an error message
        guard let f = s.fields(node, what, allowed: ManifestSchema.goodsKeys, required: ManifestSchema.goodsRequired)
        else {
            return nil
        }
        var g = ManifestSchema.emptyGoodsLine
        let before = s.diagnostics.all.count
        for field in GoodsLine.fields {
            guard let v = f[field.key] else { continue }
            field.read(s, v, "\(what).\(field.key)", into: &g)
        }
        // A required field that is missing or unreadable leaves the line unusable; the rest of
        // it is still read, so that every problem is reported.
        let usable = s.diagnostics.all.count == before && ManifestSchema.goodsRequired.allSatisfy(f.has)
        if usable {
            ManifestSchema.checkGoodsLine(g, what) { key, message in s.error("out-of-range", message, at: f[key]!) }
        }
        if let p = f["packaging"], !p.isNull,
            let pf = s.fields(p, "\(what).packaging", allowed: ManifestSchema.packagingKeys)
        {
            g.packagingKind = s.string(pf["kind"], "\(what).packaging.kind")
            g.packagingWood = s.bool(pf["wood"], "\(what).packaging.wood")
        }
        g.dangerousDeclared = f.has("dangerous")
        if let d = f["dangerous"], !d.isNull,
            let df = s.fields(
                d, "\(what).dangerous", allowed: ManifestSchema.dangerousKeys, required: ManifestSchema.dangerousKeys)
        {
            if let un = s.string(df["un"], "\(what).dangerous.un"),
                let cls = s.string(df["class"], "\(what).dangerous.class")
            {
                if un.count != 4 || !un.allSatisfy(\.isNumber) {
                    s.error(
                        "bad-un-number", "\(what).dangerous.un `\(un)` must be a four-digit UN number", at: df["un"]!)
                }
                g.dangerous = DangerousGoods(un: un, hazardClass: cls)
            }
        }
        g.location = node.location
        return usable ? g : nil
    }

    private static func document(
        _ node: YAMLNode, _ i: Int, _ s: Schema, _ vocab: ManifestVocabulary?,
        lines: Set<Int>
    ) -> AttachedDocument? {
        var what: String { "documents[\(i)]" }  // built only for an error message
        let keys = ManifestSchema.document
        guard let f = s.fields(node, what, allowed: keys.names, required: keys.required) else { return nil }
        var type: String?, number: String?, issued: Day?, country: String?, authority: String?
        var covers: [Int]?, expires: Day?
        var expiresAt: SourceLocation?, issuerAt: SourceLocation?, coversAt: SourceLocation?
        for key in DocumentKey.allCases {
            guard let v = f[keys.name(key)] else { continue }
            switch key {
            case .type:
                type = s.string(v, "\(what).type")
                if let t = type, let known = vocab?.documentTypes, !known.contains(t) {
                    s.error(
                        "unknown-document", "unknown document type `\(t)`", at: v,
                        help: DidYouMean.help(t, among: known.texts))
                    type = nil
                }
            case .number: number = s.string(v, "\(what).number")
            case .issued: issued = s.day(v, "\(what).issued")
            case .issuer:
                issuerAt = v.location
                let issuer = ManifestSchema.issuerKeys
                guard let inf = s.fields(v, "\(what).issuer", allowed: issuer, required: ManifestSchema.issuerRequired)
                else { break }
                country = s.country(inf["country"], "\(what).issuer.country")
                authority = s.string(inf["authority"], "\(what).issuer.authority")
            case .covers:
                coversAt = v.location
                guard !v.isNull, let items = s.sequence(v, "\(what).covers") else { break }
                covers = []
                for item in items {
                    guard let n = s.int(item, "\(what).covers[]", min: 1) else { continue }
                    if !lines.contains(n) {
                        s.error(
                            "unknown-line", "\(what).covers names goods line \(n), which the manifest does not have",
                            at: item)
                    }
                    covers!.append(n)
                }
            case .expires:
                expiresAt = v.location
                expires = s.day(v, "\(what).expires")
                if let e = expires, let d = issued, e < d {
                    s.error("out-of-range", "\(what).expires (\(e)) is before issued (\(d))", at: v)
                }
            }
        }
        guard let type, let issued, let country else { return nil }
        return AttachedDocument(
            type: type, number: number, issued: issued, issuerCountry: country, authority: authority,
            covers: covers, expires: expires, location: node.location, expiresLocation: expiresAt,
            issuerLocation: issuerAt, coversLocation: coversAt)
    }
}
