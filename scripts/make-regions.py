#!/usr/bin/env python3
# Writes server/data/regions.toml (Hong Kong, Macau and Taiwan administrative areas) from the
# lists below; the Simplified forms come from the opencc tool (Debian package opencc).
# and the landmarks, tunnels, roads and railway lines of Hong Kong whose English is not a
# romanisation.
#   scripts/make-regions.py > server/data/regions.toml
from gazetteer_entries import Entries, slug
HK_DISTRICTS = [("中西區","Central and Western District"),("灣仔區","Wan Chai District"),("東區","Eastern District"),("南區","Southern District"),("油尖旺區","Yau Tsim Mong District"),("深水埗區","Sham Shui Po District"),("九龍城區","Kowloon City District"),("黃大仙區","Wong Tai Sin District"),("觀塘區","Kwun Tong District"),("葵青區","Kwai Tsing District"),("荃灣區","Tsuen Wan District"),("屯門區","Tuen Mun District"),("元朗區","Yuen Long District"),("北區","North District"),("大埔區","Tai Po District"),("沙田區","Sha Tin District"),("西貢區","Sai Kung District"),("離島區","Islands District")]
# Areas and new towns: name, English, aliases. (A district's area name stands alone in news: 大埔, 沙田.)
HK_AREAS = [("深水埗","Sham Shui Po"),("九龍城","Kowloon City"),("黃大仙","Wong Tai Sin"),("觀塘","Kwun Tong"),("葵青","Kwai Tsing"),("荃灣","Tsuen Wan"),("屯門","Tuen Mun"),("元朗","Yuen Long"),("大埔","Tai Po"),("沙田","Sha Tin"),("西貢","Sai Kung"),("灣仔","Wan Chai"),
("旺角","Mong Kok"),("尖沙咀","Tsim Sha Tsui"),("銅鑼灣","Causeway Bay"),("中環","Central"),("金鐘","Admiralty"),("上環","Sheung Wan"),("西環","Sai Wan"),("堅尼地城","Kennedy Town"),("西營盤","Sai Ying Pun"),("半山","Mid-Levels"),("山頂","The Peak"),("跑馬地","Happy Valley"),("北角","North Point"),("鰂魚涌","Quarry Bay"),("筲箕灣","Shau Kei Wan"),("柴灣","Chai Wan"),("香港仔","Aberdeen"),("鴨脷洲","Ap Lei Chau"),("黃竹坑","Wong Chuk Hang"),("薄扶林","Pok Fu Lam"),("赤柱","Stanley"),("淺水灣","Repulse Bay"),
("油麻地","Yau Ma Tei"),("佐敦","Jordan"),("大角咀","Tai Kok Tsui"),("長沙灣","Cheung Sha Wan"),("荔枝角","Lai Chi Kok"),("石硤尾","Shek Kip Mei"),("九龍塘","Kowloon Tong"),("何文田","Ho Man Tin"),("紅磡","Hung Hom"),("土瓜灣","To Kwa Wan"),("啟德","Kai Tak"),("新蒲崗","San Po Kong"),("鑽石山","Diamond Hill"),("九龍灣","Kowloon Bay"),("牛頭角","Ngau Tau Kok"),("藍田","Lam Tin"),("油塘","Yau Tong"),("將軍澳","Tseung Kwan O"),("坑口","Hang Hau"),
("葵涌","Kwai Chung"),("青衣","Tsing Yi"),("天水圍","Tin Shui Wai"),("上水","Sheung Shui"),("粉嶺","Fanling"),("大圍","Tai Wai"),("火炭","Fo Tan"),("馬鞍山","Ma On Shan"),("東涌","Tung Chung"),("大嶼山","Lantau Island"),("南丫島","Lamma Island"),("長洲","Cheung Chau"),("愉景灣","Discovery Bay"),("赤鱲角","Chek Lap Kok"),("落馬洲","Lok Ma Chau"),("羅湖","Lo Wu"),("深井","Sham Tseng"),("馬灣","Ma Wan"),
("香港島","Hong Kong Island"),("港島","Hong Kong Island"),("九龍","Kowloon"),("新界","New Territories"),("新九龍","New Kowloon"),("維多利亞港","Victoria Harbour"),("維港","Victoria Harbour")]
# Landmarks, government buildings, tunnels, roads, bridges and railway lines of Hong Kong whose
# English is not a romanisation of their Chinese name (太平山 is Victoria Peak, 紅隧 the
# Cross-Harbour Tunnel): name, English, description, aliases. Names that are also generic words
# elsewhere are left out (a bare 海洋公園 is any ocean park; 獅子山 is also Sierra Leone in
# Taiwan's usage; 會展 any convention and exhibition).
HK_LANDMARKS = [
    ("政府總部", "Central Government Offices", "Hong Kong government headquarters (Tamar, Admiralty)", []),
    ("立法會綜合大樓", "Legislative Council Complex", "Seat of Hong Kong's Legislative Council (Tamar)", []),
    ("禮賓府", "Government House", "Official residence of Hong Kong's Chief Executive", []),
    ("金紫荊廣場", "Golden Bauhinia Square", "Square in Wan Chai, Hong Kong", []),
    ("添馬公園", "Tamar Park", "Park in Admiralty, Hong Kong", []),
    ("太平山", "Victoria Peak", "Hong Kong Island's highest hill (the Peak)", ["太平山頂"]),
    ("西九文化區", "West Kowloon Cultural District", "Arts district in Hong Kong", ["西九"]),
    ("香港故宮文化博物館", "Hong Kong Palace Museum", "Museum in West Kowloon, Hong Kong", ["故宮文化博物館"]),
    ("香港會議展覽中心", "Hong Kong Convention and Exhibition Centre", "Convention centre in Wan Chai", ["會展中心"]),
    ("香港國際機場", "Hong Kong International Airport", "Hong Kong's airport (Chek Lap Kok)", ["赤鱲角機場"]),
    ("香港海洋公園", "Ocean Park Hong Kong", "Theme park in Aberdeen, Hong Kong", []),
    ("蘭桂坊", "Lan Kwai Fong", "Nightlife quarter in Central, Hong Kong", []),
    ("維多利亞公園", "Victoria Park", "Park in Causeway Bay, Hong Kong", ["維園"]),
    ("啟德體育園", "Kai Tak Sports Park", "Sports venue in Kowloon, Hong Kong (opened 2025)", []),
    ("紅磡海底隧道", "Cross-Harbour Tunnel", "Road tunnel under Victoria Harbour (Hung Hom)", ["紅隧"]),
    ("西區海底隧道", "Western Harbour Crossing", "Road tunnel under Victoria Harbour", ["西隧"]),
    ("東區海底隧道", "Eastern Harbour Crossing", "Road and rail tunnel under Victoria Harbour", ["東隧"]),
    ("獅子山隧道", "Lion Rock Tunnel", "Road tunnel between Kowloon and Sha Tin", []),
    ("大老山隧道", "Tate's Cairn Tunnel", "Road tunnel between Kowloon and Sha Tin", []),
    ("吐露港公路", "Tolo Highway", "Expressway in the New Territories, Hong Kong", []),
    ("屯門公路", "Tuen Mun Road", "Expressway in the New Territories, Hong Kong", []),
    ("青馬大橋", "Tsing Ma Bridge", "Suspension bridge between Tsing Yi and Ma Wan", []),
    ("昂船洲大橋", "Stonecutters Bridge", "Bridge over Rambler Channel, Hong Kong", []),
    ("東鐵綫", "East Rail Line", "MTR line, Hong Kong", ["東鐵線"]),
    ("屯馬綫", "Tuen Ma Line", "MTR line, Hong Kong", ["屯馬線"]),
    ("觀塘綫", "Kwun Tong Line", "MTR line, Hong Kong", ["觀塘線"]),
    ("荃灣綫", "Tsuen Wan Line", "MTR line, Hong Kong", ["荃灣線"]),
    ("港島綫", "Island Line", "MTR line, Hong Kong", ["港島線"]),
    ("南港島綫", "South Island Line", "MTR line, Hong Kong", ["南港島線"]),
    ("將軍澳綫", "Tseung Kwan O Line", "MTR line, Hong Kong", ["將軍澳線"]),
    ("東涌綫", "Tung Chung Line", "MTR line, Hong Kong", ["東涌線"]),
    ("機場快綫", "Airport Express", "MTR line, Hong Kong", ["機場快線"]),
    ("天星小輪", "Star Ferry", "Ferry service across Victoria Harbour", []),
]
MO = [("澳門半島","Macau Peninsula"),("氹仔","Taipa"),("路環","Coloane"),("路氹","Cotai")]
TW = [("臺北市","Taipei City",["台北市"]),("新北市","New Taipei City",[]),("桃園市","Taoyuan City",[]),("臺中市","Taichung City",["台中市"]),("臺南市","Tainan City",["台南市"]),("高雄市","Kaohsiung City",[]),("基隆市","Keelung City",[]),("新竹市","Hsinchu City",[]),("新竹縣","Hsinchu County",[]),("苗栗縣","Miaoli County",[]),("彰化縣","Changhua County",[]),("南投縣","Nantou County",[]),("雲林縣","Yunlin County",[]),("嘉義市","Chiayi City",[]),("嘉義縣","Chiayi County",[]),("屏東縣","Pingtung County",[]),("宜蘭縣","Yilan County",[]),("花蓮縣","Hualien County",[]),("臺東縣","Taitung County",["台東縣"]),("澎湖縣","Penghu County",[]),("金門縣","Kinmen County",[]),("連江縣","Lienchiang County",["馬祖"])]
entries = Entries("place", """# The administrative areas of Hong Kong, Macau and Taiwan, with their official English names:
# Hong Kong's 18 districts and the areas and new towns its news names most, Macau's islands and
# reclaimed land, Taiwan's special municipalities, counties and provincial cities. Written by
# hand for zhnews from the governments' own lists (Hong Kong's District Councils and Lands
# Department names, Macau's Cartography and Cadastre Bureau, Taiwan's Ministry of the Interior);
# the Simplified forms are OpenCC's t2s of the Traditional ones (scripts/make-regions.py wrote
# this file). Part of the curated gazetteer (same schema and licence as gazetteer.toml, loaded
# with it; see server/core/src/entities/gazetteer.rs).
#
# Hong Kong names are romanised in the Government's Cantonese spelling (Tai Po, Sha Tin), not
# in pinyin: that is how readers find them on a map.
""", ["gazetteer.toml", "agencies.toml"])
entries.section("Hong Kong: the 18 districts.")
for t, e in HK_DISTRICTS:
    entries.add("hk-district-" + slug(e.replace(" District", "")), t, e, "One of Hong Kong's 18 districts")
entries.section("Hong Kong: areas and new towns.")
# One entry per English name; the other names are its aliases (港島 for 香港島).
first = {}
for t, e in HK_AREAS:
    first.setdefault(e, []).append(t)
for e, names in first.items():
    entries.add("hk-" + slug(e), names[0], e, "Area of Hong Kong", names[1:])
entries.section("Hong Kong: landmarks, tunnels, roads and railway lines whose English is not a romanisation.")
for t, e, d, al in HK_LANDMARKS:
    entries.add("hk-" + slug(e), t, e, d, al)
entries.section("Macau.")
for t, e in MO:
    entries.add("mo-" + slug(e), t, e, "Area of Macau")
entries.section("Taiwan: special municipalities, counties and provincial cities.")
MUNICIPALITIES = ("臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市")
for t, e, al in TW:
    kind = "Special municipality of Taiwan" if t in MUNICIPALITIES else ("County of Taiwan" if t.endswith("縣") else "Provincial city of Taiwan")
    entries.add("tw-" + slug(e), t, e, kind, al)
entries.print()
