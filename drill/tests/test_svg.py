"""The SVG renderer: well-formed, bars where their times say, labels escaped, instants visible."""
import xml.etree.ElementTree as ET

import pytest

from drill import svg

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(text):
    return ET.fromstring(text)


def bars(root):
    return root.findall(".//s:rect[@class='bar']", NS)


@pytest.mark.parametrize("span,step", [(0.5, 0.1), (7, 1), (30, 5), (45, 10), (100, 20), (600, 100),
                                       (0, 1), (-3, 1)])
def test_nice_step_is_1_2_5_times_a_power_of_ten(span, step):
    assert svg.nice_step(span) == pytest.approx(step)


def test_bars_are_placed_and_sized_by_time():
    text = svg.render("drill", [("detection", 0, 30, "failover"), ("promotion", 30, 40, "failover")])
    root = parse(text)
    rects = bars(root)
    assert len(rects) == 2
    x0, w0 = float(rects[0].get("x")), float(rects[0].get("width"))
    x1, w1 = float(rects[1].get("x")), float(rects[1].get("width"))
    assert x0 == pytest.approx(svg.LABEL_WIDTH)   # starts at t=0, the axis origin
    assert x1 == pytest.approx(x0 + w0)          # the second starts where the first ends
    assert w0 == pytest.approx(3 * w1)           # 30 s is three times 10 s
    # Each bar has its label and its duration.
    texts = [t.text for t in root.findall(".//s:text", NS)]
    assert "detection" in texts and "30.0 s" in texts and "10.0 s" in texts


def test_axis_ticks_cover_every_time_with_round_labels():
    root = parse(svg.render("t", [("a", 0, 38, "failover")]))
    ticks = [t.text for t in root.findall(".//s:text[@text-anchor='middle']", NS)]
    assert ticks[:2] == ["0", "5"] and ticks[-2:] == ["40", "seconds since the outage was injected"]  # step 5, last tick past 38


def test_groups_get_their_colours_and_an_instant_stays_visible():
    root = parse(svg.render("t", [("instant", 12, 12, "failback"), ("other", 0, 20, "mystery")]))
    instant, other = bars(root)
    assert instant.get("fill") == svg.COLOURS["failback"]
    assert float(instant.get("width")) >= 2.0
    assert other.get("fill") == svg.DEFAULT_COLOUR


def test_markers_are_dashed_lines_with_labels():
    root = parse(svg.render("t", [("a", 0, 50, "failover")], markers=[("outage", 0), ("restored", 50)]))
    lines = root.findall(".//s:line[@class='marker']", NS)
    assert len(lines) == 2 and all(line.get("stroke-dasharray") for line in lines)
    texts = [t.text for t in root.findall(".//s:text", NS)]
    assert "outage" in texts and "restored" in texts


def test_labels_are_escaped():
    text = svg.render('a <b> & "c"', [("x < y & z", 0, 1, "failover")])
    root = parse(text)  # would raise on unescaped markup
    assert root.find(".//s:text", NS).text == 'a <b> & "c"'


def test_empty_timeline_still_renders_an_axis():
    root = parse(svg.render("nothing observed", []))
    assert bars(root) == []
    assert root.get("height") and int(root.get("height")) > 0


def test_negative_times_extend_the_axis_left():
    root = parse(svg.render("t", [("before", -10, 0, "setup"), ("after", 0, 10, "failover")]))
    before, after = bars(root)
    assert float(before.get("x")) == pytest.approx(svg.LABEL_WIDTH)
    assert float(after.get("x")) > float(before.get("x"))
