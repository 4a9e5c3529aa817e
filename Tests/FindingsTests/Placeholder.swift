import Testing
@testable import Findings

@Test func probe() throws {
    print(AVCDecoder.permissionText(in: "type=AVC msg=audit(1.2:3): avc:  denied  { write } for pid=1") as Any)
    print(AVCDecoder.permissionText(in: "type=AVC msg=audit(06/14/2024 10:14:06.297:1211) : avc:  denied  { write } for  pid=18685") as Any)
}
