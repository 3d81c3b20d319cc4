import Foundation
import Testing

@testable import Importers

/// Replays every input that ever crashed or hung a reader (and the hand-made nasty ones), so a
/// fixed reader stays fixed. New crashers from `scripts/fuzz` go into `FuzzRegressions/TARGET/`.
@Suite
struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "FuzzRegressions")

    static var cases: [(FuzzEntryPoint, String)] {
        FuzzEntryPoint.allCases.flatMap { target in
            let folder = root.appendingPathComponent(target.rawValue)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return files.sorted().map { (target, $0) }
        }
    }

    @Test func everyTargetHasRegressionFixtures() {
        for target in FuzzEntryPoint.allCases {
            #expect(Self.cases.contains { $0.0 == target }, "no fixture for \(target.rawValue)")
        }
    }

    @Test(arguments: cases)
    func aPastCrasherReturns(target: FuzzEntryPoint, file: String) throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent(target.rawValue).appendingPathComponent(file))
        target.run(Array(data))  // returning at all is the assertion: it once crashed or could have
    }

    @Test func theSamplesGoThroughEveryMatchingTarget() throws {
        let samples = Self.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples/documents/billing-2026-11-a.csv")
        let bytes = Array(try Data(contentsOf: samples))
        var batch = ImportBatch()
        CanonicalCSVImporter(path: "sample.csv", bytes: bytes).read(into: &batch)
        #expect(batch.documents.count == 10)
        #expect(batch.diagnostics.isEmpty)
        FuzzEntryPoint.canonicalCSV.run(bytes)
    }
}
