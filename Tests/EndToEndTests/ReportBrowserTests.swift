import Foundation
import Testing
import TenBoardTestSupport

/// The report's HTML as `tenboard summary --html` prints it (the mail's HTML part, decoded),
/// rendered by headless Chromium at phone width (390 px) and desktop width (1280 px): the key
/// figures, the chart and the ids are there and visible, nothing scrolls sideways on a phone,
/// and a screenshot of each width is kept (the directory is printed).
@Suite("The report in a browser", .serialized)
struct ReportBrowserTests {
    static func chromium() -> String? {
        for path in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        where FileManager.default.isExecutableFile(atPath: path) { return path }
        return nil
    }

    /// Where the screenshots stay after the test: under `.build/` (ignored by git).
    static func artefacts() throws -> URL {
        let stamp = Int(Date().timeIntervalSince1970)
        let url = TenBoardBinary.packageRoot.appendingPathComponent(".build/test-artifacts/report-browser-\(stamp)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Loads `report` in a frame `width` pixels wide and reports what a reader sees: the text,
    /// the widest content, and the chart's cells with their rendered heights.
    static let probe = """
        <!DOCTYPE html><html><body style="margin:0">
        <iframe id="f" src="report.html" style="width:WIDTHpx;height:4000px;border:0"></iframe>
        <script>
        document.getElementById('f').addEventListener('load', function () {
          var d = this.contentDocument;
          var bars = Array.prototype.slice.call(d.querySelectorAll('td[bgcolor="#1b7a2f"], td[bgcolor="#b3261e"], td[bgcolor="#c8c8c8"]'));
          var pre = document.createElement('pre');
          pre.id = 'result';
          pre.textContent = JSON.stringify({
            scrollWidth: Math.max(d.documentElement.scrollWidth, d.body.scrollWidth),
            text: d.body.innerText,
            bars: bars.map(function (b) { return [b.getAttribute('bgcolor'), b.offsetHeight, b.offsetWidth]; }),
            figures: d.body.innerText.indexOf('Last 4 weeks')
          });
          document.body.appendChild(pre);
        });
        </script></body></html>
        """

    struct Seen: Decodable {
        var scrollWidth: Int
        var text: String
        var bars: [[Either]]
        var figures: Int
    }

    enum Either: Decodable {
        case number(Int), text(String)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Int.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }
        var number: Int? { if case .number(let n) = self { n } else { nil } }
    }

    static func run(_ chromium: String, _ arguments: [String], profile: URL) throws -> TenBoardBinary.Result {
        try TenBoardBinary.run(
            program: "/usr/bin/timeout",
            ["120", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
             "--user-data-dir=\(profile.path)"] + arguments,
            environment: ["PATH": "/usr/bin:/bin", "HOME": profile.path, "LANG": "C.UTF-8"])
    }

    @Test("A customer's name or summary without a space (a hostile record, a long URL) wraps: the report stays as wide as the phone")
    func aLongWordWraps() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("This test needs headless Chromium: apt-get install chromium (it is in .ci/run's list).")
            return
        }
        let dir = try TenBoardBinary.temporaryDirectory("browser-long")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en"]
        let name = String(repeating: "W", count: 300)
        let url = "https://example.com/" + String(repeating: "x", count: 400)
        let added = try TenBoardBinary.run(["add", "--customer", name, "--summary", url, "--received", "2026-11-24T07:00:00+01:00"], environment: env)
        try #require(added.status == 0, "add: \(added.stderr)")
        let html = try TenBoardBinary.run(["summary", "--html", "--morning", "2026-11-24", "--at", "2026-11-24T12:00:00+01:00"], environment: env)
        try #require(html.status == 0, "summary --html: \(html.stderr)")
        let out = try Self.artefacts()
        let report = out.appendingPathComponent("report.html")
        try html.stdout.write(to: report, atomically: true, encoding: .utf8)
        let probe = out.appendingPathComponent("probe-long.html")
        try Self.probe.replacingOccurrences(of: "WIDTH", with: "390").write(to: probe, atomically: true, encoding: .utf8)
        let dom = try Self.run(chromium, ["--allow-file-access-from-files", "--virtual-time-budget=10000", "--window-size=390,2400",
                                          "--dump-dom", probe.absoluteString], profile: dir.appendingPathComponent("chromium-profile"))
        let start = try #require(dom.stdout.range(of: "<pre id=\"result\">"), "no result from the probe: \(dom.stdout.suffix(300))")
        let end = try #require(dom.stdout.range(of: "</pre>", range: start.upperBound..<dom.stdout.endIndex))
        let json = String(dom.stdout[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
        let seen = try JSONDecoder().decode(Seen.self, from: Data(json.utf8))
        #expect(seen.scrollWidth <= 390, "content \(seen.scrollWidth) px wide in a 390 px window")
        #expect(seen.text.contains("WWWWWWWW") && seen.text.contains("example.com"), "the name and the summary are there")
    }

    @Test func theReportReadsOnAPhoneAndOnADesktop() throws {
        guard let chromium = Self.chromium() else {
            Issue.record("This test needs headless Chromium: apt-get install chromium (it is in .ci/run's list).")
            return
        }
        let dir = try TenBoardBinary.temporaryDirectory("browser")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["TENBOARD_STORE": dir.appendingPathComponent("store").path, "HOME": dir.path,
                   "TENBOARD_TIMEZONE": "Europe/Amsterdam", "TENBOARD_LANGUAGE": "en"]
        // Three weeks of one customer a morning (Thursdays late), then the busy Tuesday.
        var earlier: [String] = []
        var day = 2
        while day <= 23 {
            let weekday = (day + 5) % 7 // 0 Monday: 2 Nov 2026 was a Monday
            if weekday < 5 {
                let dd = day < 10 ? "0\(day)" : "\(day)"
                let resolved = weekday == 3 ? "10:40" : "09:00"
                earlier.append("{\"id\": \"e\(day)\", \"customer\": \"Earlier \(day)\", \"summary\": \"s\", \"receivedAt\": \"2026-11-\(dd)T07:00:00+01:00\", \"status\": \"resolved\", \"resolvedAt\": \"2026-11-\(dd)T\(resolved):00+01:00\", \"resolvedBy\": \"Ann\"}")
            }
            day += 1
        }
        for batch in ["[" + earlier.joined(separator: ",") + "]", MailDeliveryTests.issues, BusyMorning.issues] {
            let added = try TenBoardBinary.run(["add", "--json", "-"], environment: env, input: batch)
            try #require(added.status == 0, "add: \(added.stderr)")
        }
        let html = try TenBoardBinary.run(["summary", "--html", "--morning", "2026-11-24", "--at", "2026-11-24T12:00:00+01:00"], environment: env)
        try #require(html.status == 0, "summary --html: \(html.stderr)")
        #expect(html.stdout.utf8.count <= 100_000)

        let out = try Self.artefacts()
        print("report-browser artefacts (screenshots, HTML): \(out.path)")
        let report = out.appendingPathComponent("report.html")
        try html.stdout.write(to: report, atomically: true, encoding: .utf8)
        let profile = dir.appendingPathComponent("chromium-profile")

        for (name, width) in [("phone", 390), ("desktop", 1280)] {
            let shot = out.appendingPathComponent("report-\(name)-\(width).png")
            let screenshot = try Self.run(chromium, ["--window-size=\(width),2400", "--screenshot=\(shot.path)", report.absoluteString], profile: profile)
            #expect(screenshot.status == 0, "chromium --screenshot: \(screenshot.stderr.suffix(400))")
            let png = try Data(contentsOf: shot)
            // PNG: the IHDR chunk's width, big-endian at byte 16.
            #expect(png.count > 10_000 && png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
            #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == width)

            let probe = out.appendingPathComponent("probe-\(name).html")
            try Self.probe.replacingOccurrences(of: "WIDTH", with: "\(width)").write(to: probe, atomically: true, encoding: .utf8)
            let dom = try Self.run(chromium, ["--allow-file-access-from-files", "--virtual-time-budget=10000", "--window-size=\(width),2400",
                                              "--dump-dom", probe.absoluteString], profile: profile)
            #expect(dom.status == 0, "chromium --dump-dom: \(dom.stderr.suffix(400))")
            let start = try #require(dom.stdout.range(of: "<pre id=\"result\">"), "no result from the probe: \(dom.stdout.suffix(300))")
            let end = try #require(dom.stdout.range(of: "</pre>", range: start.upperBound..<dom.stdout.endIndex))
            let json = String(dom.stdout[start.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&nbsp;", with: "\u{00A0}").replacingOccurrences(of: "&amp;", with: "&")
            let seen = try JSONDecoder().decode(Seen.self, from: Data(json.utf8))
            try json.write(to: out.appendingPathComponent("seen-\(name).json"), atomically: true, encoding: .utf8)

            #expect(seen.scrollWidth <= width, "\(name): content \(seen.scrollWidth) px wide in a \(width) px window")
            // The key figures, first thing after the headline.
            for label in ["Customers", "Helped before 10:00", "Helped late", "Still waiting", "Streak", "Last 4 weeks"] {
                #expect(seen.text.contains(label), "\(name): no '\(label)'")
            }
            #expect(seen.figures >= 0 && seen.figures < 400, "\(name): the figures open the report")
            #expect(seen.text.contains("204\n") || seen.text.contains("204\t") || seen.text.contains("204 "), "\(name): 204 customers")
            // The chart: 17 mornings, every bar drawn with a height, greens and reds both there.
            #expect(seen.text.contains("The last 17 mornings"), "\(name)")
            #expect(seen.bars.count == 17, "\(name): \(seen.bars.count) bars")
            #expect(seen.bars.allSatisfy { ($0[1].number ?? 0) >= 3 && ($0[2].number ?? 0) >= 10 }, "\(name): \(seen.bars)")
            #expect(Set(seen.bars.compactMap { if case .text(let c) = $0[0] { c } else { nil } }) == ["#1b7a2f", "#b3261e"])
            // Ids on every line: the first, the last, the hostile name as text.
            for id in ["#c1 ", "#c200 ", "#4 ", "#1 "] { #expect(seen.text.contains(id), "\(name): no \(id)") }
            #expect(seen.text.contains("<img src=http://x/y.png>"), "\(name): the hostile name shown as text")
        }
    }
}
