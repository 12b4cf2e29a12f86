# Recomputes RequestHasherTests.PinnedHash from the canonical form in RequestHasher's comment, independently of the C# code.
import hashlib
import struct


def text(value):
    if value is None:
        return struct.pack(">i", -1)
    data = value.encode("utf-8")
    return struct.pack(">i", len(data)) + data


context = ["request-1", "Kyc", "svc-bank", "demo-credit-institution", "CREDIT_INSTITUTION", "grant-1",
           "DISTRICT_POLICE_CHIEF", "NATIONAL_PORTAL", "KYC"]
entries = [
    (42_000, "ref-42", "Citizen.fullName", "citizen.fullName", "MASKED", "PARTIAL", None),
    (43_000, None, "Citizen.religion", "citizen.religion", "DENIED", "NONE", "FIELD_NOT_ENTITLED"),
]
canonical = bytes(32) + struct.pack(">qiq", 42, len(entries), 42_000)
canonical += b"".join(text(value) for value in context)
for time, *texts in entries:
    canonical += struct.pack(">q", time) + b"".join(text(value) for value in texts)
print(hashlib.sha256(canonical).hexdigest())
