using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Policy.Organizations;

namespace GraphQlRegistry.Data.Demo;

/// <summary>
/// The administrative units of the demo: the real provinces, with synthetic districts and communes under each.
/// Codes nest (district = province + 2 digits, commune = district + 2 digits) only for readability; the
/// hierarchy itself is carried by <see cref="AdministrativeUnit.ParentCode"/>.
/// </summary>
public sealed class DemoUnits
{
    public const int DistrictsPerProvince = 4;
    public const int CommunesPerDistrict = 4;

    private DemoUnits(IReadOnlyList<AdministrativeUnit> units)
    {
        All = units;
        Communes = units.Where(u => u.Level == AdministrativeLevel.Commune).ToArray();
        ByCode = units.ToDictionary(u => u.Code);
        _communesByProvince = Communes.GroupBy(c => ProvinceOf(c).Code).ToDictionary(g => g.Key, g => g.ToArray());
    }

    private readonly Dictionary<string, AdministrativeUnit[]> _communesByProvince;

    public IReadOnlyList<AdministrativeUnit> All { get; }

    public IReadOnlyList<AdministrativeUnit> Communes { get; }

    public IReadOnlyDictionary<string, AdministrativeUnit> ByCode { get; }

    public AdministrativeUnit DistrictOf(AdministrativeUnit commune) => ByCode[commune.ParentCode!];

    public AdministrativeUnit ProvinceOf(AdministrativeUnit commune) => ByCode[DistrictOf(commune).ParentCode!];

    public IReadOnlyList<AdministrativeUnit> CommunesIn(string provinceCode) => _communesByProvince[provinceCode];

    /// <summary>"Xã An Phú, Huyện Kim Sơn, Tỉnh Ninh Bình".</summary>
    public string Describe(AdministrativeUnit commune) => $"{commune.Name}, {DistrictOf(commune).Name}, {ProvinceOf(commune).Name}";

    public static DemoUnits Create()
    {
        var units = new List<AdministrativeUnit>();
        var places = VietnameseNames.PlaceNames;
        foreach (var (provinceCode, provinceName) in Provinces.All)
        {
            units.Add(new AdministrativeUnit { Code = provinceCode, Name = provinceName, Level = AdministrativeLevel.Provincial });
            var offset = int.Parse(provinceCode);
            for (var d = 1; d <= DistrictsPerProvince; d++)
            {
                var districtCode = $"{provinceCode}{d:D2}";
                var districtName = (d == 1 ? "Quận " : "Huyện ") + places[(offset + d) % places.Length];
                units.Add(new AdministrativeUnit { Code = districtCode, Name = districtName, Level = AdministrativeLevel.District, ParentCode = provinceCode });
                for (var c = 1; c <= CommunesPerDistrict; c++)
                {
                    var communeName = (d == 1 ? "Phường " : "Xã ") + places[(offset * 3 + d * 5 + c) % places.Length];
                    units.Add(new AdministrativeUnit { Code = $"{districtCode}{c:D2}", Name = communeName, Level = AdministrativeLevel.Commune, ParentCode = districtCode });
                }
            }
        }

        return new DemoUnits(units);
    }
}
