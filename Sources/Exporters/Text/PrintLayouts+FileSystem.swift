internal import Foundation

extension PrintLayouts {
    /// Loads every `*.mustache` in `directory` (and its `partials/` folder), then lets the files
    /// of `overrides` replace any of them by name.
    public init(directory: String, overrides: String? = nil) throws(TemplateError) {
        var templates: [String: (file: String, text: String)] = [:]
        for folder in [directory, overrides].compactMap(\.self) {
            for sub in ["", "partials"] {
                let path = sub.isEmpty ? folder : folder + "/" + sub
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    if sub.isEmpty {
                        throw TemplateError(file: path, line: 0, column: 0, message: "template folder not found")
                    }
                    continue
                }
                for name in names.sorted() where name.hasSuffix(".mustache") {
                    let file = path + "/" + name
                    guard let data = FileManager.default.contents(atPath: file),
                        let text = String(data: data, encoding: .utf8)
                    else {
                        throw TemplateError(file: file, line: 0, column: 0, message: "cannot read template as UTF-8")
                    }
                    templates[String(name.dropLast(".mustache".count))] = (file, text)
                }
            }
        }
        try self.init(templates: templates)
    }
}
