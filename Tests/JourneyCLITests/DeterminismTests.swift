// Determinism across processes: the same map drawn by two separate journeyc processes gives the
// same SVG, PNG and PDF bytes. Within one process (RenderTests) a per-process random seed, such
// as Swift's hashing seed behind Set and Dictionary order, cannot show; here it would.

import Foundation
import Testing

@Suite(.serialized) struct DeterminismTests {
    @Test(arguments: ["svg", "png", "pdf"])
    func twoProcessesDrawTheSameBytes(_ format: String) throws {
        guard let binary = journeycBinary() else { return }
        // The richest sample (every kind of card, several personas), and scripts and emoji that
        // come from fallback fonts.
        let dir = try temporaryFolder("journeyc-determinism", holding: ["scripts.journey": Self.scripts])
        defer { try? FileManager.default.removeItem(at: dir) }
        let scripts = dir.appendingPathComponent("scripts.journey")
        for map in ["samples/ecommerce-running-shoes.journey", scripts.path] {
            var outputs: [Data] = []
            for name in ["first", "second"] {
                let out = dir.appendingPathComponent("\(name).\(format)")
                let (status, output) = try spawn([binary, map, "-o", out.path], in: packageRoot)
                #expect(status == 0, "\(output)")
                outputs.append(try Data(contentsOf: out))
            }
            #expect(outputs[0].count > 1000)
            #expect(outputs[0] == outputs[1], "two processes drew different \(format) bytes for \(map)")
        }
    }

    static let scripts = """
        journey "Many scripts 🏃"
        persona a "Aiko"
        persona b "Bilal"
        stage s "Stage"
          touchpoint order "注文を確定する · שלום · مرحبا" via web
            emotion a 1 "嬉しい"
            emotion b -1 "قلق"
          touchpoint greet "नमस्ते and வணக்கம் with a long label that wraps over several lines of its card" via mobile-app
            emotion a -2
            emotion b 2 "🎉"
        """
}
