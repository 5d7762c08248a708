import TransitCore

/// The ids a manifest may refer to, so that unknown documents, places, corridors and regimes
/// are load errors with a did-you-mean.
public struct ManifestVocabulary: Sendable {
    public var documentTypes: Set<String>
    public var places: Set<String>
    public var corridors: Set<String>
    public var regimes: Set<String>
    public init(documentTypes: Set<String>, places: Set<String>, corridors: Set<String>, regimes: Set<String>) {
        self.documentTypes = documentTypes; self.places = places; self.corridors = corridors; self.regimes = regimes
    }
}

/// Reads a manifest (SPEC 2.1) from YAML or JSON text, strictly.
public enum ManifestDecoder {
    // The key lists are the event decoder's, as Strings, built once (not on every mapping read).
    static let topKeys = keys(ManifestStreamDecoder.topKeys)
    static let goodsKeys = keys(ManifestSchema.goodsKeys)
    static let documentKeys = keys(ManifestStreamDecoder.documentKeys)
    static let topRequired = [
        "manifest", "id", "shipper", "consignee", "origin", "destination", "mode", "regime",
        "departure", "goods",
    ]
    static let partyKeys = keys(ManifestStreamDecoder.partyKeys)
    static let transportKeys = keys(ManifestSchema.transportKeys)
    static let packagingKeys = keys(ManifestStreamDecoder.packagingKeys)
    static let dangerousKeys = keys(ManifestStreamDecoder.dangerousKeys)
    static let documentRequired = ["type", "issued", "issuer"]
    static let issuerKeys = keys(ManifestStreamDecoder.issuerKeys)
    static let issuerRequired = ["country"]
    private static func keys(_ list: [StaticString]) -> [String] { list.map(\.description) }

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
        guard
            let f = s.fields(
                node, "manifest", allowed: topKeys,
                required: topRequired)
        else { return nil }
        if let v = f["manifest"], let n = s.int(v, "manifest"), n != 1 {
            s.error("unsupported-version", "manifest format \(n) is not supported; this version reads format 1", at: v)
        }
        let id = s.string(f["id"], "id")
        let shipper = party(f["shipper"], "shipper", s)
        let consignee = party(f["consignee"], "consignee", s)
        let origin = place(f["origin"], "origin", s, vocab)
        let destination = place(f["destination"], "destination", s, vocab)
        var corridor: String?
        if let c = f["corridor"], !c.isNull, let v = s.identifier(c, "corridor") {
            if let known = vocab?.corridors, !known.contains(v) {
                s.error("unknown-corridor", "unknown corridor `\(v)`", at: c, help: DidYouMean.help(v, among: known))
            }
            corridor = v
        }
        let mode = s.choice(f["mode"], "mode", TransportMode.self)
        var regime = s.string(f["regime"], "regime")
        if let r = regime, let known = vocab?.regimes, !known.contains(r), !Shipment.nationalRegimes.contains(r) {
            s.error(
                "unknown-regime", "unknown transit regime `\(r)`; name an agreement id, `national` or `none`",
                at: f["regime"]!, help: DidYouMean.help(r, among: known.union(Shipment.nationalRegimes)))
            regime = nil
        }
        let departure = s.day(f["departure"], "departure")
        let transport = f["transport"].flatMap { self.transport($0, s) } ?? Transport()
        var goods: [GoodsLine] = []
        if let items = s.sequence(f["goods"], "goods") {
            if items.isEmpty { s.error("missing-value", "goods must list at least one line", at: f["goods"]!) }
            var seen = Set<Int>()
            for (i, item) in items.enumerated() {
                guard let g = goodsLine(item, i, s) else { continue }
                if !seen.insert(g.line).inserted {
                    s.error("duplicate-id", "goods line \(g.line) appears twice", at: item["line"] ?? item)
                }
                goods.append(g)
            }
        }
        var documents: [AttachedDocument] = []
        let lines = Set(goods.map(\.line))
        for (i, item) in (s.sequence(f["documents"], "documents") ?? []).enumerated() {
            if let d = document(item, i, s, vocab, lines: lines) { documents.append(d) }
        }
        var locations = FieldLocations()
        for key in topKeys where f.has(key) { locations.append(key, f.location(of: key)) }
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
        guard let node, let f = s.fields(node, what, allowed: partyKeys, required: partyKeys),
            let name = s.string(f["name"], "\(what).name"), let country = s.country(f["country"], "\(what).country")
        else { return nil }
        return Party(name: name, country: country)
    }

    private static func place(_ node: YAMLNode?, _ what: String, _ s: Schema, _ vocab: ManifestVocabulary?) -> String? {
        guard let node, let id = s.string(node, what) else { return nil }
        if let known = vocab?.places, !known.contains(id) {
            // A UN/LOCODE starts with its country: suggest that country's places first.
            let sameCountry = known.filter { $0.hasPrefix(id.prefix(2).uppercased()) }
            s.error(
                "unknown-place",
                "unknown place `\(id)` (a UN/LOCODE from rules/network; `transit-check places list` shows them)",
                at: node,
                help: DidYouMean.help(id, among: sameCountry) ?? DidYouMean.help(id, among: known))
            return nil
        }
        return id
    }

    private static func transport(_ node: YAMLNode, _ s: Schema) -> Transport? {
        guard let f = s.fields(node, "transport", allowed: transportKeys) else { return nil }
        var t = Transport()
        for field in ManifestSchema.transportScalars {
            guard let v = f[field.key.description] else { continue }
            field.read(s, v, "transport.\(field.key)", &t)
        }
        return t
    }

    private static func goodsLine(_ node: YAMLNode, _ i: Int, _ s: Schema) -> GoodsLine? {
        var what: String { "goods[\(i)]" }  // built only for an error message
        guard let f = s.fields(node, what, allowed: goodsKeys, required: ManifestSchema.goodsRequired) else {
            return nil
        }
        var g = ManifestSchema.emptyGoodsLine
        let before = s.diagnostics.all.count
        for field in ManifestSchema.goodsScalars {
            guard let v = f[field.key.description] else { continue }
            field.read(s, v, "\(what).\(field.key)", &g)
        }
        // A required field that is missing or unreadable leaves the line unusable; the rest of
        // it is still read, so that every problem is reported.
        let usable = s.diagnostics.all.count == before && ManifestSchema.goodsRequired.allSatisfy(f.has)
        if usable {
            ManifestSchema.checkGoodsLine(g, what) { key, message in s.error("out-of-range", message, at: f[key]!) }
        }
        if let p = f["packaging"], !p.isNull, let pf = s.fields(p, "\(what).packaging", allowed: packagingKeys) {
            g.packagingKind = s.string(pf["kind"], "\(what).packaging.kind")
            g.packagingWood = s.bool(pf["wood"], "\(what).packaging.wood")
        }
        g.dangerousDeclared = f.has("dangerous")
        if let d = f["dangerous"], !d.isNull,
            let df = s.fields(d, "\(what).dangerous", allowed: dangerousKeys, required: dangerousKeys)
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
        guard let f = s.fields(node, what, allowed: documentKeys, required: documentRequired) else { return nil }
        var type = s.string(f["type"], "\(what).type")
        if let t = type, let known = vocab?.documentTypes, !known.contains(t) {
            s.error(
                "unknown-document", "unknown document type `\(t)`", at: f["type"]!,
                help: DidYouMean.help(t, among: known))
            type = nil
        }
        let number = s.string(f["number"], "\(what).number")
        let issued = s.day(f["issued"], "\(what).issued")
        var country: String?, authority: String?
        if let i = f["issuer"], let inf = s.fields(i, "\(what).issuer", allowed: issuerKeys, required: issuerRequired) {
            country = s.country(inf["country"], "\(what).issuer.country")
            authority = s.string(inf["authority"], "\(what).issuer.authority")
        }
        var covers: [Int]?
        if let c = f["covers"], !c.isNull, let items = s.sequence(c, "\(what).covers") {
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
        }
        let expires = s.day(f["expires"], "\(what).expires")
        if let e = expires, let d = issued, e < d {
            s.error("out-of-range", "\(what).expires (\(e)) is before issued (\(d))", at: f["expires"]!)
        }
        guard let type, let issued, let country else { return nil }
        var doc = AttachedDocument(
            type: type, number: number, issued: issued, issuerCountry: country, authority: authority,
            covers: covers, expires: expires, location: node.location)
        doc.expiresLocation = f["expires"]?.location
        doc.issuerLocation = f["issuer"]?.location
        doc.coversLocation = f["covers"]?.location
        return doc
    }
}
