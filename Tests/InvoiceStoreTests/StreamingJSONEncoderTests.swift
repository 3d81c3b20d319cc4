import Foundation
import Testing

@testable import InvoiceStore

/// `StreamingJSONEncoder` gives JSONEncoder's JSON, members in the order encoded, or refuses and
/// leaves the value to it.
@Suite
struct StreamingJSONEncoderTests {
    private struct Party: Codable, Equatable {
        var name: String
        var vatID: String?
        var tags: [String]
    }

    private struct Line: Codable, Equatable {
        var number: Int
        var quantity: Int64
        var small: UInt8
        var text: String?
        var blocked: Bool
        var parties: [Party]
        var nested: [[Int32]]
        var byKey: [String: Int]
        var byNumber: [Int: String]
    }

    /// A value that encodes nothing at all.
    private struct Silent: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// A keyed value that writes a member explicitly as null and nests containers by hand.
    private struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case a, b, c, d }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encodeNil(forKey: .a)
            var inner = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
            try inner.encode("x/y", forKey: .c)
            var list = container.nestedUnkeyedContainer(forKey: .c)
            try list.encode(true)
            try list.encodeNil()
            var deeper = list.nestedContainer(keyedBy: Keys.self)
            try deeper.encode(-7, forKey: .d)
            try list.encode(UInt64.max)
            try container.encode(Silent(), forKey: .d)
        }
    }

    /// Writes into a container after a later one was begun: JSONEncoder allows it, the
    /// streaming encoder cannot, so it refuses.
    private struct OutOfOrder: Encodable {
        enum Keys: String, CodingKey { case first, second, late }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var first = container.nestedContainer(keyedBy: Keys.self, forKey: .first)
            var second = container.nestedContainer(keyedBy: Keys.self, forKey: .second)
            try second.encode(2, forKey: .second)
            try first.encode(1, forKey: .late)
        }
    }

    private struct WithFloatingPoint: Codable {
        var ratio: Double
        var when: Date
        var data: Data
    }

    private class Base: Encodable {
        var id = "B"
    }

    private final class Derived: Base {
        var extra = 1
        enum Keys: String, CodingKey { case extra }

        override func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try super.encode(to: container.superEncoder())
            try container.encode(extra, forKey: .extra)
        }
    }

    /// JSON with every object's members sorted: JSONEncoder writes them in its dictionaries'
    /// order, which changes from one encoding to the next.
    private static func canonical(_ json: [UInt8]) throws -> String {
        let value = try JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
        let sorted = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: sorted, as: UTF8.self)
    }

    private static func foundation<T: Encodable>(_ value: T) throws -> String {
        try canonical(Array(JSONEncoder().encode(value)))
    }

    private static func streamed<T: Encodable>(_ value: T) throws -> String {
        try canonical(StreamingJSONEncoder.encode(value))
    }

    private static func exactly<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try StreamingJSONEncoder.encode(value), as: UTF8.self)
    }

    @Test func everyEscapeAndCharacterIsWrittenAsJSONEncoderWritesIt() throws {
        let every = String(decoding: (0...0x7F).map { UInt8($0) }, as: UTF8.self) + "äöü €  𝄞 \u{2028}"
        // No object, so no member order: the bytes are the same.
        #expect(try StreamingJSONEncoder.encode(every) == Array(JSONEncoder().encode(every)))
        #expect(try StreamingJSONEncoder.encode([every, "", "\""]) == Array(JSONEncoder().encode([every, "", "\""])))
        let party = Party(name: every, vatID: nil, tags: [every])
        #expect(try Self.streamed(party) == Self.foundation(party))
    }

    @Test func structsArraysOptionalsDictionariesAndIntegersMatch() throws {
        let line = Line(
            number: -42, quantity: .max, small: 255, text: nil, blocked: true,
            parties: [Party(name: "A/B", vatID: "DE1", tags: []), Party(name: "C", vatID: nil, tags: ["x", "y"])],
            nested: [[], [1, -2], [Int32.min]], byKey: ["k": 1, "l\n": 2], byNumber: [3: "three", -1: "minus"])
        #expect(try Self.streamed(line) == Self.foundation(line))
        #expect(try Self.streamed([line, line]) == Self.foundation([line, line]))
        let lines: [Line] = []
        #expect(try Self.streamed(lines) == Self.foundation(lines))
    }

    @Test func membersComeInTheOrderEncodedAndTextsAsJSONEncoderEscapesThem() throws {
        let party = Party(name: "A/B \u{1}\n\"", vatID: nil, tags: ["é", ""])
        #expect(try Self.exactly(party) == #"{"name":"A\/B \u0001\n\"","tags":["é",""]}"#)
        #expect(try Self.exactly(party) == Self.exactly(party))
        #expect(
            try Self.exactly(HandWritten())
                == #"{"a":null,"b":{"c":"x\/y"},"c":[true,null,{"d":-7},18446744073709551615],"d":{}}"#)
    }

    @Test func topLevelFragmentsAndEmptyValuesMatch() throws {
        #expect(try Self.streamed("text") == Self.foundation("text"))
        #expect(try Self.streamed(17) == Self.foundation(17))
        #expect(try Self.streamed(false) == Self.foundation(false))
        #expect(try Self.streamed(Optional<Int>.none) == Self.foundation(Optional<Int>.none))
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder.encode(Silent()) }
        #expect(throws: EncodingError.self) { try StreamingJSONEncoder.encodeLikeFoundation(Silent()) }
        #expect(try Self.streamed([Silent()]) == Self.foundation([Silent()]))
        #expect(try Self.streamed(HandWritten()) == Self.foundation(HandWritten()))
    }

    @Test func whatOnlyJSONEncoderWritesIsRefusedAndLeftToIt() throws {
        let floating = WithFloatingPoint(ratio: 0.1, when: Date(timeIntervalSince1970: 86_400), data: Data([1, 2]))
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder.encode(floating) }
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder.encode(OutOfOrder()) }
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder.encode(Derived()) }
        for value in [floating as any Encodable, OutOfOrder(), Derived()] {
            #expect(try Self.canonical(StreamingJSONEncoder.encodeLikeFoundation(value)) == Self.foundation(value))
        }
    }
}
