// The JSON export against the committed schema/journey.schema.json: every map of the package
// validates (keys in the schema's order), the schema describes every key as required and no
// other key, and the validator does fail on a wrong document, so passing means something.

import Foundation
import JourneyExport
import JourneySemantics
import JourneySyntax
import Testing

@Suite struct SchemaTests {
    var validator: SchemaValidator {
        var v = SchemaValidator(schema: schemaDocument)
        v.checksKeyOrder = true
        return v
    }

    @Test func thereAreMapsToValidate() throws {
        let maps = try exportableMaps
        #expect(maps.count >= 20)
        #expect(maps.contains("samples/ecommerce-running-shoes.journey"))
        #expect(maps.contains("Tests/Cases/exports/awkward-text/input.journey"))
    }

    @Test(arguments: try exportableMaps)
    func exportValidatesAgainstTheSchema(_ path: String) throws {
        let (model, file) = try loadMap(path)
        let text = ModelJSON.render(model, source: file)
        let document = try JSONDocument.parse(text)
        let errors = validator.validate(document)
        #expect(errors.isEmpty, "\(path):\n\(errors.prefix(10).joined(separator: "\n"))")
    }

    @Test func schemaIsReadableAndDraft2020() {
        #expect(schemaDocument["$schema"]?.string == "https://json-schema.org/draft/2020-12/schema")
        #expect(schemaDocument["properties"]?["schemaVersion"]?["const"] == .number(Double(ModelJSON.schemaVersion)))
    }

    @Test func schemaUsesOnlyKeywordsTheValidatorImplements() {
        #expect(validator.unsupportedKeywords() == [])
    }

    /// Every key of the export is always present, and nothing else is: each object schema
    /// requires exactly its properties and allows no others; every property says what it is
    /// or refers to a definition that does.
    @Test func schemaRequiresExactlyItsProperties() {
        var objects: [(String, JSONDocument)] = [("#", schemaDocument)]
        if case .object(let defs) = schemaDocument["$defs"] ?? .null {
            objects += defs.map { ("#/$defs/\($0.key)", $0.value) }
        }
        var checked = 0
        for (path, schema) in objects {
            guard let properties = schema["properties"] else { continue }
            checked += 1
            let required = schema["required"]?.items.compactMap(\.string) ?? []
            #expect(Set(required) == Set(properties.keys), "\(path): required \(required) vs properties \(properties.keys)")
            #expect(schema["additionalProperties"] == .bool(false), "\(path) allows other keys")
            if case .object(let members) = properties {
                for m in members {
                    let described = m.value["description"] != nil || m.value["$ref"] != nil
                        || m.value["items"]?["$ref"] != nil || m.value["anyOf"] != nil
                    #expect(described, "\(path)/properties/\(m.key) has no description")
                }
            }
        }
        #expect(checked >= 15)
    }

    // MARK: The validator can fail

    func sampleDocument() throws -> JSONDocument {
        let (model, file) = try loadMap("samples/ecommerce-running-shoes.journey")
        return try JSONDocument.parse(ModelJSON.render(model, source: file))
    }

    @Test func aValidDocumentPassesUntouched() throws {
        #expect(validator.validate(try sampleDocument()) == [])
    }

    typealias P = JSONDocument.PathComponent

    /// Each change breaks one rule of the schema; the validator must name the place.
    @Test(arguments: [
        ([P.key("title")], nil, "/: the required key \"title\" is missing"),
        ([P.key("schemaVersion")], JSONDocument.number(1), "/schemaVersion: 1 is not the constant 2"),
        ([P.key("personas"), .index(0), .key("colour")], .string("#FF0000"), "/personas/0: the key \"colour\" is not allowed"),
        ([P.key("personas"), .index(0), .key("color")], .string("#abc"), "/personas/0/color: \"#abc\" does not match"),
        ([P.key("personas"), .index(0), .key("goals")], .string("one goal"), "/personas/0/goals: \"one goal\" is not of type array"),
        ([P.key("stages"), .index(1), .key("pains"), .index(0), .key("severity")], .number(7), "/stages/1/pains/0/severity: 7.0 is above the maximum 5.0"),
        ([P.key("stages"), .index(1), .key("pains"), .index(0), .key("severity")], .number(2.5), "/stages/1/pains/0/severity: 2.5 is not of type integer or null"),
        ([P.key("stages"), .index(1), .key("pains"), .index(0), .key("reach")], .number(58), "/stages/1/pains/0/reach: 58.0 is above the maximum 1.0"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("emotions"), .index(0), .key("origin")], .string("guess"), "/stages/0/touchpoints/0/emotions/0/origin: \"guess\" is not one of"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("emotions"), .index(0), .key("value")], .string("1"), "/stages/0/touchpoints/0/emotions/0/value: \"1\" is not of type number or null"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("channel")], .string("web"), "/stages/0/touchpoints/0/channel: \"web\" matches none of the choices"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("metrics"), .index(0), .key("target"), .key("direction")], .string("=>"), "/stages/0/touchpoints/0/metrics/0/target: an object matches none of the choices"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("metrics"), .index(0), .key("value"), .key("unit")], .string("percent"), "/stages/0/touchpoints/0/metrics/0/value: an object matches none of the choices"),
        ([P.key("stages"), .index(0), .key("touchpoints"), .index(0), .key("line")], .number(0), "/stages/0/touchpoints/0/line: 0.0 is below the minimum 1.0"),
        ([P.key("stages"), .index(1), .key("evidence"), .index(0), .key("date")], .string("Feb 2026"), "/stages/1/evidence/0/date: \"Feb 2026\" does not match"),
        ([P.key("stages"), .index(1), .key("evidence"), .index(0), .key("kind")], .string("hunch"), "/stages/1/evidence/0/kind: \"hunch\" is not one of"),
    ] as [([P], JSONDocument?, String)])
    func aWrongDocumentIsRejected(_ path: [P], _ value: JSONDocument?, _ expected: String) throws {
        let broken = try sampleDocument().replacing(path, with: value)
        let errors = validator.validate(broken)
        #expect(errors.contains { $0.hasPrefix(expected) }, "expected \(expected), got \(errors)")
    }

    @Test func keysOutOfOrderAreRejected() throws {
        guard case .object(var members) = try sampleDocument() else { Issue.record("not an object"); return }
        members.swapAt(1, 2)
        let errors = validator.validate(.object(members))
        #expect(errors.contains { $0.hasPrefix("/: keys in the order schemaVersion, description, title") }, "\(errors)")
    }

    @Test func aSchemaWithAnUnknownKeywordIsFlagged() throws {
        let schema = try JSONDocument.parse(#"{"type": "object", "properties": {"a": {"type": "string", "format": "date"}}}"#)
        #expect(SchemaValidator(schema: schema).unsupportedKeywords() == ["#/properties/a/format"])
    }
}
