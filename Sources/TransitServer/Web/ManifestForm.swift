import TransitReports

/// The web form's fields and the manifest YAML they write (SPEC 2.1), so that an exporter who
/// fills the form can save the YAML and check it again from the command line. Rows for goods
/// and documents are numbered from 0 (`g0_hs`, `d1_type`); a row with nothing in it writes
/// nothing. A value that is not what its field needs (a weight that is not a number) is
/// written as text, so the manifest decoder reports it at its line like any other error.
struct FormState: Sendable {
    var values: [String: String] = [:]
    var goodsRows = 2
    var documentRows = 3
    /// What the paste box holds.
    var manifestText = ""

    static let goodsFields = ["hs", "description", "net_kg", "gross_kg", "value_usd", "origin", "packaging", "wood"]
    static let documentFields = ["type", "number", "issued", "expires", "issuer", "covers"]
    static let maxRows = 50

    /// An empty form, with the common choices made: one truck by road under TIR.
    init() { values = ["mode": "road", "regime": "tir", "units": "1", "unit": "truck"] }

    init(form: FormData) {
        for (k, _) in form.fields { values[k] = form[k] ?? "" }
        manifestText = form["manifest_text"] ?? ""
        let g =
            (0..<Self.maxRows).last { i in Self.goodsFields.contains { !(form["g\(i)_\($0)"] ?? "").isEmpty } } ?? -1
        let d =
            (0..<Self.maxRows).last { i in Self.documentFields.contains { !(form["d\(i)_\($0)"] ?? "").isEmpty } } ?? -1
        goodsRows = max(1, g + 1, Int(form["goods_rows"] ?? "") ?? 0)
        documentRows = max(1, d + 1, Int(form["document_rows"] ?? "") ?? 0)
        goodsRows = min(goodsRows, Self.maxRows); documentRows = min(documentRows, Self.maxRows)
    }

    subscript(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespaces) }

    func goodsFilled(_ i: Int) -> Bool {
        Self.goodsFields.filter { $0 != "wood" }.contains { !self["g\(i)_\($0)"].isEmpty }
    }
    func documentFilled(_ i: Int) -> Bool { Self.documentFields.contains { !self["d\(i)_\($0)"].isEmpty } }

    /// The manifest the fields describe.
    var yaml: String {
        var out =
            "# Written by the transit-check web form; check it again with `transit-check check FILE`.\nmanifest: 1\n"
        func line(_ indent: Int, _ key: String, _ value: String?) {
            guard let value else { return }
            out += String(repeating: " ", count: indent) + key + ": " + value + "\n"
        }
        line(0, "id", text(self["id"]))
        for party in ["shipper", "consignee"] where !self["\(party)_name"].isEmpty || !self["\(party)_country"].isEmpty
        {
            out += "\(party):\n"
            line(2, "name", text(self["\(party)_name"]))
            line(2, "country", code(self["\(party)_country"]))
        }
        line(0, "origin", code(self["origin"]))
        line(0, "destination", code(self["destination"]))
        line(0, "corridor", code(self["corridor"]))
        line(0, "mode", code(self["mode"]))
        line(0, "regime", code(self["regime"]))
        line(0, "departure", date(self["departure"]))
        if !self["units"].isEmpty || !self["unit"].isEmpty {
            out += "transport:\n"
            line(2, "units", number(self["units"]))
            line(2, "unit", code(self["unit"]))
        }
        let goods = (0..<goodsRows).filter(goodsFilled)
        if !goods.isEmpty { out += "goods:\n" }
        for (n, i) in goods.enumerated() {
            out += "  - line: \(n + 1)\n"
            line(4, "hs", quoted(self["g\(i)_hs"]))
            line(4, "description", text(self["g\(i)_description"]))
            line(4, "net_kg", number(self["g\(i)_net_kg"]))
            line(4, "gross_kg", number(self["g\(i)_gross_kg"]))
            line(4, "value_usd", number(self["g\(i)_value_usd"]))
            line(4, "origin", code(self["g\(i)_origin"]))
            out += "    packaging:\n"
            line(6, "kind", text(self["g\(i)_packaging"]) ?? "bulk")
            line(6, "wood", self["g\(i)_wood"].isEmpty ? "false" : "true")
            line(4, "dangerous", "null")
        }
        let documents = (0..<documentRows).filter(documentFilled)
        if !documents.isEmpty { out += "documents:\n" }
        for i in documents {
            out += "  - type: \(code(self["d\(i)_type"]) ?? "\"\"")\n"
            line(4, "number", text(self["d\(i)_number"]))
            line(4, "issued", date(self["d\(i)_issued"]))
            if !self["d\(i)_issuer"].isEmpty {
                out += "    issuer:\n"
                line(6, "country", code(self["d\(i)_issuer"]))
            }
            line(4, "expires", date(self["d\(i)_expires"]))
            let covers = self["d\(i)_covers"].split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
            if !covers.isEmpty {
                line(4, "covers", "[" + covers.map { number($0) ?? "\"\"" }.joined(separator: ", ") + "]")
            }
        }
        return out
    }

    // Scalars: plain where YAML reads them back as the same text, quoted otherwise.

    /// Free text: plain when safe, else double-quoted (JSON escaping is valid YAML).
    func text(_ s: String) -> String? {
        guard !s.isEmpty else { return nil }
        let safe =
            s.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
                    || " .,()/&'-".unicodeScalars.contains($0)
            }
            && s.first?.isLetter == true
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(s.lowercased())
            && !s.hasSuffix(" ")
        return safe ? s : quoted(s)
    }

    func quoted(_ s: String) -> String? { s.isEmpty ? nil : JSONValue.string(s).compact }

    /// A code (country, place, document type, mode): plain when it is letters, digits and hyphens.
    func code(_ s: String) -> String? {
        guard !s.isEmpty else { return nil }
        return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            && !["true", "false", "null", "yes", "no", "on", "off"].contains(s.lowercased())
            ? s : quoted(s)
    }

    /// A number plain when it is one, else quoted (and so reported as not a number).
    func number(_ s: String) -> String? {
        guard !s.isEmpty else { return nil }
        let plain = s.allSatisfy {
            $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "e" || $0 == "E" || $0 == "+")
        }
        return plain && Double(s) != nil ? s : quoted(s)
    }

    func date(_ s: String) -> String? {
        guard !s.isEmpty else { return nil }
        return s.utf8.count == 10 && s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) ? s : quoted(s)
    }
}
