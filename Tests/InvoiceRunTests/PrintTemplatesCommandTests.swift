import Foundation
import Testing

/// `--templates DIR` end to end: a company's folder replaces bundled templates by name, per
/// company code too, and a broken one stops the run before anything is stored.
@Suite(.serialized)
struct PrintTemplatesCommandTests {
    static let samples = CommandLineTool.repositoryRoot.appendingPathComponent("Samples").path

    @Test func aCompanyFolderChangesTheLetterheadOfTheRunAndOfCopies() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try tool.write(
            "{{% CONTENT_TYPE: TEXT}}\nNORDLICHT - ENERGY FOR THE NORTH\n", to: "ours/partials/letterhead.mustache")
        try tool.write(
            "{{% CONTENT_TYPE: TEXT}}\nHARBOUR DIGITAL\n", to: "ours/companies/2000/partials/letterhead.mustache")
        let run = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30", "--templates",
            "ours",
        ])
        #expect(run.status == 0, "\(run.error)")
        let outputs = try tool.tree("out/RUN-000001")
        let german = String(decoding: try #require(outputs["invoices/IN-1000-2026-000001.txt"]), as: UTF8.self)
        let english = String(decoding: try #require(outputs["invoices/IN-2000-2026-000001.txt"]), as: UTF8.self)
        #expect(german.split(separator: "\n")[1] == "NORDLICHT - ENERGY FOR THE NORTH")
        #expect(english.split(separator: "\n")[1] == "HARBOUR DIGITAL")
        let copy = try tool.run([
            "show", "IN-2000-2026-000001", "--store", "s.sqlite", "--copy", "--date", "2026-12-03", "--templates",
            "ours",
        ])
        #expect(copy.output.split(separator: "\n")[1] == "HARBOUR DIGITAL")
    }

    @Test func aBrokenTemplateStopsTheRunNamingFileAndLineBeforeAnythingIsStored() throws {
        let tool = try CommandLineTool()
        defer { tool.cleanUp() }
        try tool.write(
            "{{% CONTENT_TYPE: TEXT}}\n{{#seller}}\n{{text}}\n{{/buyer}}\n", to: "ours/partials/letterhead.mustache")
        let run = try tool.run([
            "run", Self.samples, "--store", "s.sqlite", "--output", "out", "--date", "2026-11-30", "--templates",
            "ours",
        ])
        #expect(run.status != 0)
        #expect(run.error.contains("ours/partials/letterhead.mustache:4:"), "\(run.error)")
        #expect(!FileManager.default.fileExists(atPath: tool.url("s.sqlite").path))
    }
}
