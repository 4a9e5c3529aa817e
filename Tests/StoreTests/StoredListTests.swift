import Testing
import Store
import Formatting

/// Sets stored as one comma-separated text, and lists shown as one cell.
@Suite struct StoredListTests {
    @Test(arguments: [
        ["hv01"], ["hv,01", "50%"], ["%2C", "%25", "%", "%%2C%"], ["a,b,c"], ["-", "x"], ["h\u{F4}te", "ho\u{302}te,x"],
    ])
    func aSetReadsBackItemForItem(items: [String]) {
        let stored = StoredList.join(items)
        #expect(StoredList.split(stored).map { Array($0.utf8) } == items.map { Array($0.utf8) }, "\(stored)")
    }

    @Test func textWithoutCommasOrPercentSignsIsStoredAsItIs() {
        #expect(StoredList.join(["cross-guest", "unknown-source"]) == "cross-guest,unknown-source")
        #expect(StoredList.split("read,write") == ["read", "write"])
        #expect(StoredList.split(nil).isEmpty && StoredList.split("").isEmpty)
        // What an older writer stored reads the same unless it held an escape literally.
        #expect(StoredList.split("50%,hv01") == ["50%", "hv01"])
    }

    /// An empty item (`tclass=""`) is dropped, as readers did before items were escaped, so
    /// that a set stored in one row and the same set merged by the fleet store read alike; a
    /// node list keeps it (the log without node=).
    @Test func anEmptyItemIsDroppedUnlessKept() {
        #expect(StoredList.split(",file") == ["file"])
        #expect(StoredList.split(StoredList.join(["", "file"])) == ["file"])
        #expect(StoredList.split(",hv%2C01", keepingEmpty: true) == ["", "hv,01"])
    }

    @Test func aNameThatWouldReadAsTwoIsQuotedInAList() {
        #expect(ListText.joined(["hv01", "hv02"]) == "hv01,hv02")
        #expect(ListText.joined(["hv,01", "web 1", #"a"b"#, #"c\d"#]) == #""hv,01","web 1","a""b",c\d"#)
        #expect(ListText.words(["read", "CentOS 7.7", "x,y"]) == #"read "CentOS 7.7" x,y"#)
        #expect(ListText.joined(["hv01", "hv,02"], separator: ", ") == #"hv01, "hv,02""#)
    }
}
