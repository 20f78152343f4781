#!/usr/bin/env python3
# Writes server/data/organisations.toml: the companies and news media Chinese-language news
# names most, with their official English names and the other region's Chinese name as an
# alias (輝達 in Taiwan, 英伟达 on the mainland). The Simplified forms come from the opencc tool
# (Debian package opencc); names the curated gazetteer or agencies.toml already have are left out.
#   scripts/make-organisations.py > server/data/organisations.toml
#
# Left out on purpose: names that are ordinary words as often as they are companies (蘋果
# apple, 小米 millet, 聯想 to associate, 現代 modern, 大眾 the public, 自然 nature, 高知), and
# short forms that name something else as often (國泰 is also Cathay's bank in Taiwan, 長榮
# its shipping line, 港台 Hong Kong and Taiwan, 界面 an interface, 經濟日報 a mainland paper
# too): a hover on every apple would be noise. Their long forms (蘋果公司, 小米集團) are listed.
from gazetteer_entries import Entries, slug

COMPANIES = [
    # (Traditional, English, description, aliases)
    ("高通", "Qualcomm", "US chip designer", ["高通公司"]),
    ("英特爾", "Intel", "US chipmaker", []),
    ("超微", "AMD", "US chip designer (Advanced Micro Devices)", ["超威", "超微半導體", "超威半導體"]),
    ("輝達", "Nvidia", "US chip designer", ["英偉達"]),
    ("台積電", "TSMC", "Taiwan Semiconductor Manufacturing Company", ["臺積電", "台灣積體電路製造"]),
    ("聯發科", "MediaTek", "Taiwanese chip designer", ["聯發科技"]),
    ("三星電子", "Samsung Electronics", "South Korean electronics maker", ["三星"]),
    ("蘋果公司", "Apple", "US technology company", []),
    ("谷歌", "Google", "US technology company", ["Google公司"]),
    ("微軟", "Microsoft", "US technology company", []),
    ("亞馬遜", "Amazon", "US technology and retail company", []),
    ("臉書", "Facebook", "US social network (Meta)", []),
    ("特斯拉", "Tesla", "US electric carmaker", []),
    ("華為", "Huawei", "Chinese telecoms and electronics company", ["華為公司"]),
    ("小米集團", "Xiaomi", "Chinese electronics company", ["小米公司"]),
    ("聯想集團", "Lenovo", "Chinese computer maker", ["聯想公司"]),
    ("騰訊", "Tencent", "Chinese internet company", []),
    ("阿里巴巴", "Alibaba", "Chinese internet company", ["阿里巴巴集團"]),
    ("百度", "Baidu", "Chinese internet company", []),
    ("京東", "JD.com", "Chinese online retailer", []),
    ("字節跳動", "ByteDance", "Chinese internet company", []),
    ("抖音", "Douyin", "Chinese short-video platform (ByteDance)", []),
    ("美團", "Meituan", "Chinese delivery and services platform", []),
    ("拼多多", "Pinduoduo", "Chinese online retailer", []),
    ("比亞迪", "BYD", "Chinese carmaker", []),
    ("寧德時代", "CATL", "Chinese battery maker (Contemporary Amperex Technology)", []),
    ("中芯國際", "SMIC", "Semiconductor Manufacturing International Corporation", []),
    ("鴻海", "Hon Hai Precision Industry (Foxconn)", "Taiwanese electronics manufacturer", ["鴻海精密", "富士康"]),
    ("廣達", "Quanta Computer", "Taiwanese computer maker", ["廣達電腦"]),
    ("華碩", "ASUS", "Taiwanese computer maker", []),
    ("宏碁", "Acer", "Taiwanese computer maker", []),
    ("台達電", "Delta Electronics", "Taiwanese electronics maker", ["台達電子"]),
    ("索尼", "Sony", "Japanese electronics company", []),
    ("松下", "Panasonic", "Japanese electronics company", ["松下電器"]),
    ("豐田", "Toyota", "Japanese carmaker", ["豐田汽車"]),
    ("本田", "Honda", "Japanese carmaker", ["本田汽車"]),
    ("現代汽車", "Hyundai Motor", "South Korean carmaker", []),
    ("波音", "Boeing", "US aircraft maker", ["波音公司"]),
    ("空中巴士", "Airbus", "European aircraft maker", ["空客"]),
    ("輝瑞", "Pfizer", "US drugmaker", []),
    ("摩根大通", "JPMorgan Chase", "US bank", []),
    ("高盛", "Goldman Sachs", "US investment bank", []),
    ("滙豐", "HSBC", "British bank", ["匯豐", "滙豐銀行", "匯豐銀行"]),
    ("渣打", "Standard Chartered", "British bank", ["渣打銀行"]),
    ("中國銀行", "Bank of China", "Chinese state bank", ["中行"]),
    ("中國工商銀行", "Industrial and Commercial Bank of China", "Chinese state bank (ICBC)", ["工商銀行", "工行"]),
    ("中國建設銀行", "China Construction Bank", "Chinese state bank", ["建設銀行", "建行"]),
    ("中國農業銀行", "Agricultural Bank of China", "Chinese state bank", ["農業銀行", "農行"]),
    ("交通銀行", "Bank of Communications", "Chinese state bank", []),
    ("招商銀行", "China Merchants Bank", "Chinese bank", []),
    ("中國移動", "China Mobile", "Chinese telecoms company", []),
    ("中國電信", "China Telecom", "Chinese telecoms company", []),
    ("中國聯通", "China Unicom", "Chinese telecoms company", []),
    ("中國石油", "PetroChina", "Chinese oil company", []),
    ("中國石化", "Sinopec", "Chinese oil company", []),
    ("國家電網", "State Grid Corporation of China", "Chinese power grid company", []),
    ("恒大", "Evergrande", "Chinese property developer", ["恒大集團", "中國恒大"]),
    ("碧桂園", "Country Garden", "Chinese property developer", []),
    ("萬科", "Vanke", "Chinese property developer", []),
    ("長和", "CK Hutchison", "Hong Kong conglomerate", ["長江和記"]),
    ("新鴻基地產", "Sun Hung Kai Properties", "Hong Kong property developer", []),
    ("港鐵", "MTR Corporation", "Hong Kong railway operator", ["港鐵公司"]),
    ("國泰航空", "Cathay Pacific", "Hong Kong airline", []),
    ("中華航空", "China Airlines", "Taiwanese airline", ["華航"]),
    ("長榮航空", "EVA Air", "Taiwanese airline", []),
    ("中國國際航空", "Air China", "Chinese airline", ["國航"]),
    ("東方航空", "China Eastern Airlines", "Chinese airline", ["東航"]),
    ("南方航空", "China Southern Airlines", "Chinese airline", ["南航"]),
    ("迪士尼", "Disney", "US entertainment company", ["迪士尼公司"]),
    ("耐吉", "Nike", "US sportswear company", ["耐克"]),
    ("可口可樂", "Coca-Cola", "US drinks company", []),
    ("麥當勞", "McDonald's", "US restaurant chain", []),
    ("星巴克", "Starbucks", "US coffee chain", []),
    ("沃爾瑪", "Walmart", "US retailer", []),
    ("通用汽車", "General Motors", "US carmaker", []),
    ("福特汽車", "Ford", "US carmaker", []),
    ("大眾汽車", "Volkswagen", "German carmaker", ["福斯汽車"]),
    ("寶馬", "BMW", "German carmaker", []),
    ("賓士", "Mercedes-Benz", "German carmaker", ["奔馳", "平治"]),
    ("西門子", "Siemens", "German industrial company", []),
    ("推特", "Twitter (X)", "US social network", []),
]
MEDIA = [
    ("新京報", "The Beijing News", "Beijing daily newspaper", []),
    ("財新", "Caixin", "Chinese financial news group", ["財新網", "財新傳媒"]),
    ("人民日報", "People's Daily", "Newspaper of the CPC Central Committee", []),
    ("南方周末", "Southern Weekly", "Guangzhou weekly newspaper", ["南方週末"]),
    ("澎湃新聞", "The Paper", "Shanghai online news outlet", []),
    ("界面新聞", "Jiemian News", "Shanghai online news outlet", []),
    ("經濟觀察報", "The Economic Observer", "Beijing business weekly", ["經濟觀察網"]),
    ("環球時報", "Global Times", "Beijing newspaper", []),
    ("中國日報", "China Daily", "Chinese English-language newspaper", []),
    ("光明日報", "Guangming Daily", "Beijing daily newspaper", []),
    ("中央電視台", "China Central Television (CCTV)", "Chinese state broadcaster", ["央視"]),
    ("中央社", "Central News Agency (CNA)", "Taiwan's national news agency", ["中央通訊社"]),
    ("聯合報", "United Daily News", "Taipei daily newspaper", []),
    ("中國時報", "China Times", "Taipei daily newspaper", []),
    ("自由時報", "Liberty Times", "Taipei daily newspaper", []),
    ("蘋果日報", "Apple Daily", "Newspaper (Hong Kong, closed 2021; Taiwan)", []),
    ("明報", "Ming Pao", "Hong Kong daily newspaper", []),
    ("星島日報", "Sing Tao Daily", "Hong Kong daily newspaper", ["星島"]),
    ("東方日報", "Oriental Daily News", "Hong Kong daily newspaper", []),
    ("大公報", "Ta Kung Pao", "Hong Kong daily newspaper", []),
    ("文匯報", "Wen Wei Po", "Hong Kong daily newspaper", []),
    ("香港經濟日報", "Hong Kong Economic Times", "Hong Kong daily newspaper", []),
    ("信報", "Hong Kong Economic Journal", "Hong Kong daily newspaper", []),
    ("南華早報", "South China Morning Post", "Hong Kong English-language newspaper", []),
    ("香港01", "HK01", "Hong Kong online news outlet", []),
    ("香港電台", "Radio Television Hong Kong (RTHK)", "Hong Kong public broadcaster", []),
    ("無綫電視", "TVB", "Hong Kong television broadcaster", []),
    ("有線新聞", "i-Cable News", "Hong Kong television news channel", []),
    ("紐約時報", "The New York Times", "US newspaper", []),
    ("華盛頓郵報", "The Washington Post", "US newspaper", []),
    ("華爾街日報", "The Wall Street Journal", "US newspaper", []),
    ("金融時報", "Financial Times", "British newspaper", []),
    ("英國廣播公司", "BBC", "British public broadcaster", []),
    ("美國有線電視新聞網", "CNN", "US television news network", []),
    ("彭博", "Bloomberg", "US financial news company", ["彭博社"]),
    ("路透社", "Reuters", "British news agency", ["路透"]),
    ("法新社", "Agence France-Presse (AFP)", "French news agency", []),
    ("美聯社", "Associated Press (AP)", "US news agency", []),
    ("共同社", "Kyodo News", "Japanese news agency", []),
    ("半島電視台", "Al Jazeera", "Qatari broadcaster", []),
]

entries = Entries("org", """# The companies and news media Chinese-language news names most, with their official English
# names. Written by hand for zhnews (the facts are the maintainers'); the Simplified forms are
# OpenCC's t2s of the Traditional ones, and a region's other name is an alias (輝達/英偉達).
# scripts/make-organisations.py wrote this file. Part of the curated gazetteer (same schema and
# licence as gazetteer.toml, loaded with it; see server/core/src/entities/gazetteer.rs).
""", ["gazetteer.toml", "agencies.toml", "regions.toml"])
entries.section("Companies.")
for trad, english, description, aliases in COMPANIES:
    entries.add("company-" + slug(english), trad, english, description, aliases)
entries.section("News media.")
for trad, english, description, aliases in MEDIA:
    entries.add("media-" + slug(english), trad, english, description, aliases)
entries.print()
