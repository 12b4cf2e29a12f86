namespace GraphQlRegistry.Data.Demo;

/// <summary>Name parts with rough real-world frequencies (family names weighted by repetition).</summary>
internal static class VietnameseNames
{
    public static readonly string[] FamilyNames =
    [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Phạm",
        "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào",
    ];

    public static readonly string[] MaleMiddleNames = ["Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thành", "Xuân", "Gia"];

    public static readonly string[] FemaleMiddleNames = ["Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Mỹ", "Phương"];

    public static readonly string[] MaleGivenNames =
    [
        "An", "Anh", "Bảo", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khang", "Khánh",
        "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài", "Thắng", "Thành",
        "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ",
    ];

    public static readonly string[] FemaleGivenNames =
    [
        "An", "Anh", "Châu", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan",
        "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Thảo", "Thu", "Thủy", "Trang", "Trinh",
        "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến",
    ];

    public static readonly string[] PlaceNames =
    [
        "An Phú", "Bình Minh", "Đông Hòa", "Hòa Bình", "Hưng Long", "Kim Sơn", "Long Biên", "Minh Khai", "Phú Lợi", "Quang Trung",
        "Tân Thành", "Thạnh Mỹ", "Thuận An", "Trung Sơn", "Vĩnh Phúc", "Xuân Hòa", "Yên Thế", "Đồng Tâm", "Hòa Hiệp", "Phước Long",
    ];

    public static readonly string[] StreetNames =
    [
        "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt", "Quang Trung", "Hùng Vương", "Phan Chu Trinh",
        "Nguyễn Huệ", "Điện Biên Phủ", "Lê Duẩn", "Võ Thị Sáu",
    ];

    public static readonly (string Name, int Weight)[] Ethnicities =
        [("Kinh", 85), ("Tày", 2), ("Thái", 2), ("Mường", 2), ("Khmer", 1), ("Hoa", 1), ("Nùng", 1), ("H'Mông", 1), ("Dao", 1), ("Gia Rai", 1)];

    public static readonly (string Name, int Weight)[] Religions =
        [("Không", 86), ("Phật giáo", 5), ("Công giáo", 6), ("Cao Đài", 1), ("Phật giáo Hòa Hảo", 1), ("Tin Lành", 1)];

    public static readonly (string Name, int Weight)[] BloodTypes =
        [("O+", 42), ("A+", 21), ("B+", 30), ("AB+", 6), ("O-", 1)];
}
