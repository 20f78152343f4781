#!/usr/bin/env python3
# Writes server/data/people.toml: the people Chinese-language news names most beyond the
# hand-written ones in gazetteer.toml, with the English names they use themselves. A guessed
# name gets a romanisation (entities/romanise.rs), and for most mainland people that is their
# English name; this list is for those whose English is not a romanisation the text can give:
# Hong Kong people with English given names (Regina Ip, Henry Tang), Taiwanese people with
# personal spellings (Tsai Ing-wen, Hou Yu-ih, Morris Chang), people known by an English name
# (Jensen Huang, Pony Ma), foreign people in transliteration, and people whose description a
# reader wants (the Chief Executives, Taiwan's presidents and mayors, the Politburo, the
# scientists and business leaders in the news). Roles are as of mid-2025 (`as_of`); the
# description dates each role. Hong Kong people are written as the Government writes them, the
# English given name before the surname and the Cantonese given name (Chris Tang Ping-keung):
# news in English uses either half.
#
# Left out on purpose: two-character names that are also words or sit in common words (成龍 in
# 望子成龍, 汪洋 "vast ocean", 莫言 "say not", 李安 in 李安琪), and names many people share
# (張勇, 李斌, 王辰, 李娜). The Simplified forms come from the opencc tool (Debian package
# opencc), the pinyin from pypinyin (PyPI) with the surname readings below; names another
# curated file already has are left out (and listed on stderr).
#   scripts/make-people.py > /tmp/people.toml && mv /tmp/people.toml server/data/people.toml
import sys

from pypinyin import Style, pinyin

from gazetteer_entries import Entries, slug, t2s

# Surnames whose reading differs from the character's usual one.
SURNAMES = {"曾": "Zēng", "單": "Shàn", "區": "Ōu", "仇": "Qiú", "查": "Zhā", "樂": "Yuè", "解": "Xiè",
            "繆": "Miào", "任": "Rén", "蓋": "Gě", "翟": "Zhái", "華": "Huà", "葛": "Gě", "卜": "Bǔ",
            "種": "Chóng", "朴": "Piáo", "覃": "Qín", "冼": "Xiǎn", "長": "Cháng"}

# (name with a space after the surname (Chinese names: it places the pinyin's word break),
# English, description, aliases, as_of)
HONG_KONG = [
    ("董 建華", "Tung Chee-hwa", "First Chief Executive of Hong Kong (1997–2005)", [], None),
    ("曾 蔭權", "Donald Tsang Yam-kuen", "Chief Executive of Hong Kong (2005–2012)", [], None),
    ("梁 振英", "Leung Chun-ying (CY Leung)", "Chief Executive of Hong Kong (2012–2017); vice-chairman of the CPPCC",
     [], "2025-06"),
    ("卓 永興", "Cheuk Wing-hing", "Deputy Chief Secretary for Administration of Hong Kong (from 2022)", [], "2025-06"),
    ("黃 偉綸", "Michael Wong Wai-lun", "Deputy Financial Secretary of Hong Kong (from 2022)", [], "2025-06"),
    ("林 定國", "Paul Lam Ting-kwok", "Secretary for Justice of Hong Kong (from 2022)", [], "2025-06"),
    ("張 國鈞", "Cheung Kwok-kwan", "Deputy Secretary for Justice of Hong Kong (from 2022)", [], "2025-06"),
    ("鄧 炳強", "Chris Tang Ping-keung", "Secretary for Security of Hong Kong (from 2021); Commissioner of Police (2019–2021)",
     [], "2025-06"),
    ("孫 東", "Sun Dong", "Secretary for Innovation, Technology and Industry of Hong Kong (from 2022)", [], "2025-06"),
    ("麥 美娟", "Alice Mak Mei-kuen", "Secretary for Home and Youth Affairs of Hong Kong (from 2022)", [], "2025-06"),
    ("蔡 若蓮", "Choi Yuk-lin", "Secretary for Education of Hong Kong (from 2022)", [], "2025-06"),
    ("盧 寵茂", "Lo Chung-mau", "Secretary for Health of Hong Kong (from 2022)", [], "2025-06"),
    ("孫 玉菡", "Chris Sun Yuk-han", "Secretary for Labour and Welfare of Hong Kong (from 2022)", [], "2025-06"),
    ("甯 漢豪", "Bernadette Linn Hon-ho", "Secretary for Development of Hong Kong (from 2022)", [], "2025-06"),
    ("何 永賢", "Winnie Ho Wing-yin", "Secretary for Housing of Hong Kong (from 2022)", [], "2025-06"),
    ("謝 展寰", "Tse Chin-wan", "Secretary for Environment and Ecology of Hong Kong (from 2022)", [], "2025-06"),
    ("林 世雄", "Lam Sai-hung", "Secretary for Transport and Logistics of Hong Kong (from 2022)", [], "2025-06"),
    ("許 正宇", "Christopher Hui Ching-yu", "Secretary for Financial Services and the Treasury of Hong Kong (from 2020)",
     [], "2025-06"),
    ("楊 潤雄", "Kevin Yeung Yun-hung", "Hong Kong official: Secretary for Education (2017–2022), for Culture, Sports and Tourism (2022–2024)",
     [], "2025-06"),
    ("羅 淑佩", "Rosanna Law Shuk-pui", "Secretary for Culture, Sports and Tourism of Hong Kong (from 2024)", [], "2025-06"),
    ("楊何 蓓茵", "Ingrid Yeung Ho Poi-yan", "Secretary for the Civil Service of Hong Kong (from 2022)", [], "2025-06"),
    ("曾 國衞", "Erick Tsang Kwok-wai", "Secretary for Constitutional and Mainland Affairs of Hong Kong (from 2020)",
     ["曾國衛"], "2025-06"),
    ("蕭 澤頤", "Raymond Siu Chak-yee", "Hong Kong police officer; Commissioner of Police (from 2021)", [], "2025-06"),
    ("曾 俊華", "John Tsang Chun-wah", "Financial Secretary of Hong Kong (2007–2017)", [], None),
    ("唐 英年", "Henry Tang Ying-yen", "Chief Secretary for Administration of Hong Kong (2007–2011)", [], None),
    ("張 建宗", "Matthew Cheung Kin-chung", "Chief Secretary for Administration of Hong Kong (2017–2021)", [], None),
    ("陳方 安生", "Anson Chan Fang On-sang", "Chief Secretary of Hong Kong (1993–2001)", [], None),
    ("葉劉 淑儀", "Regina Ip Lau Suk-yee", "Hong Kong legislator; convenor of the Executive Council (from 2022); Secretary for Security (1998–2003)",
     [], "2025-06"),
    ("梁 愛詩", "Elsie Leung Oi-sie", "Secretary for Justice of Hong Kong (1997–2005)", [], None),
    ("鄭 若驊", "Teresa Cheng Yeuk-wah", "Secretary for Justice of Hong Kong (2018–2022)", [], None),
    ("黃 錦星", "Wong Kam-sing", "Secretary for the Environment of Hong Kong (2012–2022)", [], None),
    ("梁 君彥", "Andrew Leung Kwan-yuen", "President of the Legislative Council of Hong Kong (from 2016)", [], "2025-06"),
    ("曾 鈺成", "Jasper Tsang Yok-sing", "President of the Legislative Council of Hong Kong (2008–2016)", [], None),
    ("范徐 麗泰", "Rita Fan Hsu Lai-tai", "President of the Legislative Council of Hong Kong (1997–2008)", [], None),
    ("李 慧琼", "Starry Lee Wai-king", "Hong Kong legislator; chairwoman of the DAB (2015–2023)", [], "2025-06"),
    ("陳 克勤", "Gary Chan Hak-kan", "Hong Kong legislator; chairman of the DAB (from 2023)", [], "2025-06"),
    ("田 北辰", "Michael Tien Puk-sun", "Hong Kong politician, founder of Roundtable; legislator (2012–2025)", [], "2025-06"),
    ("田 北俊", "James Tien Pei-chun", "Hong Kong politician; chairman of the Liberal Party (1998–2008)", [], None),
    ("何 俊仁", "Albert Ho Chun-yan", "Hong Kong politician; chairman of the Democratic Party (2006–2012)", [], None),
    ("李 柱銘", "Martin Lee Chu-ming", "Hong Kong barrister; founding chairman of the Democratic Party", [], None),
    ("劉 慧卿", "Emily Lau Wai-hing", "Hong Kong politician; chairwoman of the Democratic Party (2012–2016)", [], None),
    ("涂 謹申", "James To Kun-sun", "Hong Kong politician (Democratic Party); legislator (1991–2021)", [], None),
    ("梁 家傑", "Alan Leong Kah-kit", "Hong Kong barrister; leader of the Civic Party (2011–2023)", [], None),
    ("毛 孟靜", "Claudia Mo Man-ching", "Hong Kong politician; legislator (2012–2020)", [], None),
    ("梁 國雄", "Leung Kwok-hung (Long Hair)", "Hong Kong activist; legislator (2004–2016)", [], None),
    ("黃 之鋒", "Joshua Wong Chi-fung", "Hong Kong activist", [], None),
    ("周 庭", "Agnes Chow Ting", "Hong Kong activist", [], None),
    ("羅 冠聰", "Nathan Law Kwun-chung", "Hong Kong activist", [], None),
    ("戴 耀廷", "Benny Tai Yiu-ting", "Hong Kong legal scholar; co-founder of Occupy Central", [], None),
    ("黎 智英", "Jimmy Lai Chee-ying", "Hong Kong businessman; founder of Apple Daily", [], None),
    ("陳 日君", "Joseph Zen Ze-kiun", "Cardinal; Bishop of Hong Kong (2002–2009)", [], None),
    ("何 君堯", "Junius Ho Kwan-yiu", "Hong Kong lawyer and politician; legislator (2016–2025)", [], "2025-06"),
    ("謝 偉俊", "Paul Tse Wai-chun", "Hong Kong lawyer and legislator", [], "2025-06"),
    ("林 健鋒", "Jeffrey Lam Kin-fung", "Hong Kong businessman and legislator; Executive Council member", [], "2025-06"),
    ("周 浩鼎", "Holden Chow Ho-ding", "Hong Kong legislator (DAB)", [], "2025-06"),
    ("李 嘉誠", "Li Ka-shing", "Hong Kong business magnate; founder of CK Hutchison", [], None),
    ("李 澤鉅", "Victor Li Tzar-kuoi", "Chairman of CK Hutchison (from 2018)", [], "2025-06"),
    ("李 兆基", "Lee Shau-kee", "Hong Kong property developer; founder of Henderson Land (died 2025)", [], None),
    ("郭 鶴年", "Robert Kuok", "Malaysian-Chinese business magnate", [], None),
    ("何 鴻燊", "Stanley Ho", "Hong Kong and Macau casino magnate (died 2020)", [], None),
    ("霍 英東", "Henry Fok", "Hong Kong businessman; CPPCC vice-chairman (died 2006)", [], None),
    ("李 小加", "Charles Li", "Chief executive of Hong Kong Exchanges and Clearing (2010–2020)", [], None),
    ("周 潤發", "Chow Yun-fat", "Hong Kong actor", [], None),
    ("劉 德華", "Andy Lau Tak-wah", "Hong Kong actor and singer", [], None),
    ("梁 朝偉", "Tony Leung Chiu-wai", "Hong Kong actor", [], None),
    ("張 學友", "Jacky Cheung Hok-yau", "Hong Kong singer", [], None),
    ("王 家衛", "Wong Kar-wai", "Hong Kong film director", [], None),
    ("李 小龍", "Bruce Lee", "Hong Kong-American martial artist and actor (died 1973)", [], None),
    ("金 庸", "Louis Cha (Jin Yong)", "Hong Kong novelist; founder of Ming Pao (died 2018)", ["查良鏞"], None),
]

TAIWAN = [
    ("蔣 介石", "Chiang Kai-shek", "Leader of the Republic of China (died 1975)", [], None),
    ("蔣 經國", "Chiang Ching-kuo", "President of the Republic of China (1978–1988)", [], None),
    ("李 登輝", "Lee Teng-hui", "President of Taiwan (1988–2000)", [], None),
    ("陳 水扁", "Chen Shui-bian", "President of Taiwan (2000–2008)", [], None),
    ("蕭 美琴", "Hsiao Bi-khim", "Vice President of Taiwan (from 2024)", [], "2025-06"),
    ("卓 榮泰", "Cho Jung-tai", "Premier of Taiwan (from 2024)", [], "2025-06"),
    ("陳 建仁", "Chen Chien-jen", "Premier of Taiwan (2023–2024); Vice President (2016–2020)", [], None),
    ("蘇 貞昌", "Su Tseng-chang", "Premier of Taiwan (2006–2007, 2019–2023)", [], None),
    ("鄭 文燦", "Cheng Wen-tsan", "Taiwanese politician; Vice Premier (2023–2024); Mayor of Taoyuan (2014–2022)", [], None),
    ("韓 國瑜", "Han Kuo-yu", "President of the Legislative Yuan of Taiwan (from 2024)", [], "2025-06"),
    ("游 錫堃", "You Si-kun", "President of the Legislative Yuan of Taiwan (2020–2024)", [], None),
    ("朱 立倫", "Eric Chu", "Chairman of the Kuomintang (2015–2016, 2021–2025)", [], "2025-06"),
    ("柯 文哲", "Ko Wen-je", "Founder of the Taiwan People's Party; Mayor of Taipei (2014–2022)", [], None),
    ("黃 國昌", "Huang Kuo-chang", "Chairman of the Taiwan People's Party (from 2025)", [], "2025-06"),
    ("傅 崐萁", "Fu Kun-chi", "Taiwanese legislator; Kuomintang caucus whip (from 2024)", [], "2025-06"),
    ("蔣 萬安", "Chiang Wan-an", "Mayor of Taipei (from 2022)", [], "2025-06"),
    ("侯 友宜", "Hou Yu-ih", "Mayor of New Taipei (from 2018)", [], "2025-06"),
    ("盧 秀燕", "Lu Shiow-yen", "Mayor of Taichung (from 2018)", [], "2025-06"),
    ("陳 其邁", "Chen Chi-mai", "Mayor of Kaohsiung (from 2020)", [], "2025-06"),
    ("黃 偉哲", "Huang Wei-cher", "Mayor of Tainan (from 2018)", [], "2025-06"),
    ("張 善政", "Simon Chang", "Mayor of Taoyuan (from 2022); Premier of Taiwan (2016)", [], "2025-06"),
    ("高 虹安", "Ann Kao", "Mayor of Hsinchu (from 2022)", [], "2025-06"),
    ("林 佳龍", "Lin Chia-lung", "Minister of Foreign Affairs of Taiwan (from 2024)", [], "2025-06"),
    ("吳 釗燮", "Joseph Wu", "Secretary-General of Taiwan's National Security Council (from 2024); foreign minister (2018–2024)",
     [], "2025-06"),
    ("顧 立雄", "Wellington Koo", "Minister of National Defense of Taiwan (from 2024)", [], "2025-06"),
    ("邱 國正", "Chiu Kuo-cheng", "Minister of National Defense of Taiwan (2021–2024)", [], None),
    ("邱 垂正", "Chiu Chui-cheng", "Minister of Taiwan's Mainland Affairs Council (from 2024)", [], "2025-06"),
    ("楊 金龍", "Yang Chin-long", "Governor of Taiwan's central bank (from 2018)", [], "2025-06"),
    ("張 忠謀", "Morris Chang", "Founder of TSMC", [], None),
    ("魏 哲家", "C. C. Wei", "Chairman and chief executive of TSMC (from 2024)", [], "2025-06"),
    ("劉 德音", "Mark Liu", "Chairman of TSMC (2018–2024)", [], None),
    ("郭 台銘", "Terry Gou", "Founder of Foxconn (Hon Hai)", [], None),
    ("劉 揚偉", "Young Liu", "Chairman of Foxconn (Hon Hai) (from 2019)", [], "2025-06"),
    ("黃 仁勳", "Jensen Huang", "Co-founder and chief executive of Nvidia", [], "2025-06"),
    ("蘇 姿豐", "Lisa Su", "Chair and chief executive of AMD", [], "2025-06"),
    ("蔡 明介", "Tsai Ming-kai", "Chairman of MediaTek", [], "2025-06"),
    ("施 振榮", "Stan Shih", "Co-founder of Acer", [], None),
    ("王 雪紅", "Cher Wang", "Co-founder and chair of HTC", [], None),
    ("林 百里", "Barry Lam", "Founder and chairman of Quanta Computer", [], None),
    ("張 榮發", "Chang Yung-fa", "Founder of the Evergreen Group (died 2016)", [], None),
    ("王 永慶", "Wang Yung-ching", "Founder of Formosa Plastics (died 2008)", [], None),
    ("周 杰倫", "Jay Chou", "Taiwanese singer", [], None),
    ("蔡 依林", "Jolin Tsai", "Taiwanese singer", [], None),
    ("鄧 麗君", "Teresa Teng", "Taiwanese singer (died 1995)", [], None),
    ("侯 孝賢", "Hou Hsiao-hsien", "Taiwanese film director", [], None),
    ("龍 應台", "Lung Ying-tai", "Taiwanese writer; Minister of Culture (2012–2014)", [], None),
    ("王 建民", "Wang Chien-ming", "Taiwanese baseball pitcher (New York Yankees)", [], None),
]

PRC = [
    ("馬 興瑞", "Ma Xingrui", "Member of the 20th Politburo of the CPC", [], "2025-06"),
    ("石 泰峰", "Shi Taifeng", "Member of the 20th Politburo; head of the CPC Organization Department", [], "2025-06"),
    ("李 幹傑", "Li Ganjie", "Member of the 20th Politburo of the CPC", [], "2025-06"),
    ("李 書磊", "Li Shulei", "Member of the 20th Politburo; head of the CPC Publicity Department", [], "2025-06"),
    ("李 鴻忠", "Li Hongzhong", "Member of the 20th Politburo; vice-chairman of the NPC Standing Committee", [], "2025-06"),
    ("何 衛東", "He Weidong", "PLA general; vice-chairman of the Central Military Commission (2022–2025)", [], "2025-06"),
    ("陳 文清", "Chen Wenqing", "Member of the 20th Politburo; head of the Central Political and Legal Affairs Commission",
     [], "2025-06"),
    ("吳 政隆", "Wu Zhenglong", "Secretary-General of the State Council of the PRC (from 2023)", [], "2025-06"),
    ("鄭 柵潔", "Zheng Shanjie", "Chairman of the National Development and Reform Commission (from 2023)", [], "2025-06"),
    ("懷 進鵬", "Huai Jinpeng", "Minister of Education of the PRC (from 2021)", [], "2025-06"),
    ("陰 和俊", "Yin Hejun", "Minister of Science and Technology of the PRC (from 2023)", [], "2025-06"),
    ("金 壯龍", "Jin Zhuanglong", "Minister of Industry and Information Technology of the PRC (from 2022)", [], "2025-06"),
    ("王 祥喜", "Wang Xiangxi", "Minister of Emergency Management of the PRC (from 2022)", [], "2025-06"),
    ("倪 虹", "Ni Hong", "Minister of Housing and Urban-Rural Development of the PRC (from 2022)", [], "2025-06"),
    ("李 國英", "Li Guoying", "Minister of Water Resources of the PRC (from 2021)", [], "2025-06"),
    ("韓 俊", "Han Jun", "Minister of Agriculture and Rural Affairs of the PRC (from 2024)", [], "2025-06"),
    ("孫 業禮", "Sun Yeli", "Minister of Culture and Tourism of the PRC (from 2023)", [], "2025-06"),
    ("雷 海潮", "Lei Haichao", "Director of the National Health Commission of the PRC (from 2023)", [], "2025-06"),
    ("王 廣華", "Wang Guanghua", "Minister of Natural Resources of the PRC (from 2022)", [], "2025-06"),
    ("黃 潤秋", "Huang Runqiu", "Minister of Ecology and Environment of the PRC (from 2020)", [], "2025-06"),
    ("劉 建超", "Liu Jianchao", "Head of the CPC International Department (2022–2025)", [], "2025-06"),
    ("李 尚福", "Li Shangfu", "Minister of National Defense of the PRC (2023)", [], None),
    ("魏 鳳和", "Wei Fenghe", "Minister of National Defense of the PRC (2018–2023)", [], None),
    ("朱 鎔基", "Zhu Rongji", "Premier of the PRC (1998–2003)", [], None),
    ("李 鵬", "Li Peng", "Premier of the PRC (1987–1998)", [], None),
    ("吳 邦國", "Wu Bangguo", "Chairman of the NPC Standing Committee (2003–2013)", [], None),
    ("賈 慶林", "Jia Qinglin", "Chairman of the CPPCC (2003–2013)", [], None),
    ("張 德江", "Zhang Dejiang", "Chairman of the NPC Standing Committee (2013–2018)", [], None),
    ("俞 正聲", "Yu Zhengsheng", "Chairman of the CPPCC (2013–2018)", [], None),
    ("劉 雲山", "Liu Yunshan", "Member of the Politburo Standing Committee (2012–2017)", [], None),
    ("王 岐山", "Wang Qishan", "Vice President of the PRC (2018–2023)", [], None),
    ("栗 戰書", "Li Zhanshu", "Chairman of the NPC Standing Committee (2018–2023)", [], None),
    ("劉 鶴", "Liu He", "Vice Premier of the PRC (2018–2023)", [], None),
    ("孫 春蘭", "Sun Chunlan", "Vice Premier of the PRC (2018–2023)", [], None),
    ("胡 春華", "Hu Chunhua", "Vice Premier of the PRC (2018–2023); CPPCC vice-chairman", [], "2025-06"),
    ("楊 潔篪", "Yang Jiechi", "Director of the CPC Foreign Affairs Commission Office (2013–2022)", [], None),
    ("薄 熙來", "Bo Xilai", "Party Secretary of Chongqing (2007–2012), convicted of corruption in 2013", [], None),
    ("周 永康", "Zhou Yongkang", "Member of the Politburo Standing Committee (2007–2012), convicted of corruption in 2015", [], None),
    ("彭 麗媛", "Peng Liyuan", "Wife of Xi Jinping; singer", [], None),
    ("易 綱", "Yi Gang", "Governor of the People's Bank of China (2018–2023)", [], None),
    ("周 小川", "Zhou Xiaochuan", "Governor of the People's Bank of China (2002–2018)", [], None),
    ("華 春瑩", "Hua Chunying", "Vice Minister of Foreign Affairs of the PRC; spokeswoman (2012–2024)", [], "2025-06"),
    ("汪 文斌", "Wang Wenbin", "Spokesman of the PRC Ministry of Foreign Affairs (2020–2024)", [], None),
    ("趙 立堅", "Zhao Lijian", "Spokesman of the PRC Ministry of Foreign Affairs (2020–2023)", [], None),
    ("耿 爽", "Geng Shuang", "PRC diplomat; spokesman of the Ministry of Foreign Affairs (2015–2020)", [], None),
    ("傅 聰", "Fu Cong", "Permanent Representative of the PRC to the United Nations (from 2024)", [], "2025-06"),
    ("謝 鋒", "Xie Feng", "PRC Ambassador to the United States (from 2023)", [], "2025-06"),
    ("鍾 南山", "Zhong Nanshan", "Chinese pulmonologist; academician of the Chinese Academy of Engineering", [], None),
    ("袁 隆平", "Yuan Longping", "Chinese agronomist, developer of hybrid rice (died 2021)", [], None),
    ("屠 呦呦", "Tu Youyou", "Chinese pharmaceutical chemist; Nobel Prize in Physiology or Medicine 2015", [], None),
    ("楊 振寧", "Chen-Ning Yang", "Chinese-American physicist; Nobel Prize in Physics 1957 (died 2025)", [], None),
    ("李 政道", "Tsung-Dao Lee", "Chinese-American physicist; Nobel Prize in Physics 1957 (died 2024)", [], None),
    ("錢 學森", "Qian Xuesen", "Chinese rocket scientist (died 2009)", [], None),
    ("施 一公", "Shi Yigong", "Chinese structural biologist; president of Westlake University", [], None),
    ("潘 建偉", "Pan Jianwei", "Chinese quantum physicist", [], None),
    ("張 文宏", "Zhang Wenhong", "Chinese infectious disease specialist (Huashan Hospital)", [], None),
    ("李 蘭娟", "Li Lanjuan", "Chinese epidemiologist; academician of the Chinese Academy of Engineering", [], None),
    ("姚 明", "Yao Ming", "Chinese basketball player; chairman of the Chinese Basketball Association (2017–2024)", [], None),
    ("劉 翔", "Liu Xiang", "Chinese hurdler; Olympic champion 2004", [], None),
    ("谷 愛凌", "Eileen Gu", "Chinese-American freestyle skier", [], None),
    ("鄭 欽文", "Zheng Qinwen", "Chinese tennis player; Olympic champion 2024", [], None),
    ("全 紅嬋", "Quan Hongchan", "Chinese diver; Olympic champion", [], None),
    ("馬 雲", "Jack Ma", "Co-founder of Alibaba", [], None),
    ("馬 化騰", "Pony Ma", "Co-founder and chief executive of Tencent", [], "2025-06"),
    ("任 正非", "Ren Zhengfei", "Founder of Huawei", [], None),
    ("孟 晚舟", "Meng Wanzhou", "Deputy chairwoman and rotating chairwoman of Huawei", [], "2025-06"),
    ("雷 軍", "Lei Jun", "Founder and chief executive of Xiaomi", [], "2025-06"),
    ("劉 強東", "Richard Liu", "Founder of JD.com", [], None),
    ("李 彥宏", "Robin Li", "Co-founder and chief executive of Baidu", [], "2025-06"),
    ("張 一鳴", "Zhang Yiming", "Founder of ByteDance", [], None),
    ("梁 汝波", "Liang Rubo", "Chief executive of ByteDance (from 2021)", [], "2025-06"),
    ("周 受資", "Shou Zi Chew", "Chief executive of TikTok (from 2021)", [], "2025-06"),
    ("王 傳福", "Wang Chuanfu", "Founder and chairman of BYD", [], "2025-06"),
    ("曾 毓群", "Robin Zeng", "Founder and chairman of CATL", [], "2025-06"),
    ("曹 德旺", "Cho Tak Wong", "Founder of Fuyao Glass", [], None),
    ("宗 慶後", "Zong Qinghou", "Founder of Wahaha (died 2024)", [], None),
    ("許 家印", "Hui Ka Yan", "Founder of Evergrande", [], None),
    ("王 健林", "Wang Jianlin", "Founder of Dalian Wanda Group", [], None),
    ("蔡 崇信", "Joe Tsai", "Co-founder and chairman of Alibaba (from 2023)", [], "2025-06"),
    ("吳 泳銘", "Eddie Wu", "Chief executive of Alibaba (from 2023)", [], "2025-06"),
    ("黃 崢", "Colin Huang", "Founder of Pinduoduo", [], None),
    ("董 明珠", "Dong Mingzhu", "Chairwoman of Gree Electric", [], "2025-06"),
    ("李 書福", "Li Shufu", "Founder and chairman of Geely", [], "2025-06"),
    ("何 小鵬", "He Xiaopeng", "Co-founder and chief executive of XPeng", [], "2025-06"),
    ("梁 文鋒", "Liang Wenfeng", "Founder of DeepSeek and High-Flyer", [], "2025-06"),
]

FOREIGN = [
    ("奧巴馬", "Barack Obama", "President of the United States (2009–2017)", ["歐巴馬"], None),
    ("默克爾", "Angela Merkel", "Chancellor of Germany (2005–2021)", ["梅克爾"], None),
    ("特蕾莎·梅", "Theresa May", "Prime Minister of the United Kingdom (2016–2019)", ["文翠珊"], None),
    ("卡梅倫", "David Cameron", "Prime Minister of the United Kingdom (2010–2016)", ["卡麥隆"], None),
    ("安倍晉三", "Shinzo Abe", "Prime Minister of Japan (2006–2007, 2012–2020; died 2022)", [], None),
    ("菅義偉", "Yoshihide Suga", "Prime Minister of Japan (2020–2021)", [], None),
    ("高市早苗", "Sanae Takaichi", "Japanese politician; President of the Liberal Democratic Party (from 2025)", [], "2025-10"),
    ("文在寅", "Moon Jae-in", "President of South Korea (2017–2022)", [], None),
    ("朴槿惠", "Park Geun-hye", "President of South Korea (2013–2017)", [], None),
    ("戈爾巴喬夫", "Mikhail Gorbachev", "Leader of the Soviet Union (1985–1991; died 2022)", ["戈巴契夫"], None),
    ("葉利欽", "Boris Yeltsin", "President of Russia (1991–1999)", [], None),
    ("戴卓爾夫人", "Margaret Thatcher", "Prime Minister of the United Kingdom (1979–1990)", ["撒切爾夫人", "柴契爾夫人"], None),
    ("曼德拉", "Nelson Mandela", "President of South Africa (1994–1999)", [], None),
    ("昂山素季", "Aung San Suu Kyi", "Myanmar politician; State Counsellor (2016–2021)", ["翁山蘇姬"], None),
    ("杜特爾特", "Rodrigo Duterte", "President of the Philippines (2016–2022)", ["杜特蒂"], None),
    ("他信", "Thaksin Shinawatra", "Prime Minister of Thailand (2001–2006)", ["塔克辛"], None),
    ("馬斯克", "Elon Musk", "Chief executive of Tesla and SpaceX", [], "2025-06"),
    ("扎克伯格", "Mark Zuckerberg", "Co-founder and chief executive of Meta (Facebook)", ["祖克柏"], "2025-06"),
    ("比爾·蓋茨", "Bill Gates", "Co-founder of Microsoft", ["比爾蓋茲"], None),
    ("貝索斯", "Jeff Bezos", "Founder of Amazon", ["貝佐斯"], None),
    ("奧爾特曼", "Sam Altman", "Chief executive of OpenAI", ["阿特曼"], "2025-06"),
    ("納德拉", "Satya Nadella", "Chief executive of Microsoft (from 2014)", [], "2025-06"),
    ("皮查伊", "Sundar Pichai", "Chief executive of Alphabet and Google", ["皮蔡"], "2025-06"),
    ("巴菲特", "Warren Buffett", "Chairman and chief executive of Berkshire Hathaway", [], "2025-06"),
    ("孫正義", "Masayoshi Son", "Founder and chief executive of SoftBank", [], "2025-06"),
]


def marked(name):
    words = []
    for index, word in enumerate(name.split()):
        syllables = [s[0] for s in pinyin(t2s(word), style=Style.TONE)]
        if index == 0 and word in SURNAMES:
            syllables = [SURNAMES[word].lower()]
        text = syllables[0] + "".join(("'" + s if s[0] in "aeoāáǎàēéěèōóǒò" else s) for s in syllables[1:])
        words.append(text[0].upper() + text[1:])
    return " ".join(words)


entries = Entries("person", """# The people Chinese-language news names most beyond the hand-written ones in gazetteer.toml,
# with the English names they use themselves (Hong Kong English given names, Taiwanese personal
# spellings, business leaders' English names). Written by scripts/make-people.py, whose header
# says what is left out and why; part of the curated gazetteer (same schema and licence as
# gazetteer.toml, loaded with it). Roles are dated; `as_of` says when a role was last checked.
""", ["gazetteer.toml", "agencies.toml", "regions.toml", "organisations.toml"])
for comment, group, prefix, foreign in [
    ("Hong Kong: Chief Executives, principal officials, legislators and public figures.", HONG_KONG, "hk-", False),
    ("Taiwan: presidents, premiers, mayors, ministers, business leaders and public figures.", TAIWAN, "tw-", False),
    ("The PRC: Party and state leaders past and present, scientists, athletes and business leaders.", PRC, "prc-",
     False),
    ("Foreign leaders and business people, in their mainland and Taiwan/Hong Kong transliterations.", FOREIGN,
     "intl-", True),
]:
    entries.section(comment)
    for spaced, english, description, aliases, as_of in group:
        trad = spaced.replace(" ", "")
        entries.add(prefix + slug(english.split(" (")[0]), trad, english, description, aliases,
                    pinyin=None if foreign else marked(spaced), as_of=as_of)
entries.print()
print("left out (another curated file has the name):", " ".join(entries.skipped), file=sys.stderr)
