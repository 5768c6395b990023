#!/usr/bin/env python3
"""Draws the sample's pictures: phone screenshots of a shoe shop's checkout and portraits of
its personas, made for journeyc's samples (no pictures from elsewhere). Deterministic: the same
script writes the same files. Run it with the venv's Python (`make pydeps`, Pillow):

    .build/venv/bin/python samples/pictures/generate.py

Writes screens/*.png, screens/*.jpg, screens/*.webp and people/*.jpg next to this script, small
enough for git (a few KB to a few tens of KB each).
"""
import os
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 390, 844  # a phone screen in points


def phone(title, accent, body):
    im = Image.new("RGB", (W, H), "#f6f7f9")
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, W, 44], fill="#ffffff")
    d.text((16, 14), "9:41", fill="#111111")
    d.rectangle([0, 44, W, 104], fill=accent)
    d.text((20, 66), title, fill="#ffffff")
    body(d)
    d.rectangle([0, H - 84, W, H], fill="#ffffff")
    for k in range(4):
        d.ellipse([40 + k * 92, H - 64, 64 + k * 92, H - 40], outline="#9aa0a6", width=2)
    return im


def card(d, y, h, lines, fill="#ffffff"):
    d.rounded_rectangle([16, y, W - 16, y + h], radius=12, fill=fill, outline="#dde1e6")
    for k, (text, color) in enumerate(lines):
        d.text((32, y + 16 + k * 22), text, fill=color)


def product(d):
    d.rounded_rectangle([16, 120, W - 16, 400], radius=16, fill="#e8eef7")
    # a running shoe, in a few shapes
    d.polygon([(70, 330), (110, 250), (200, 240), (260, 290), (330, 300), (340, 340), (70, 345)], fill="#0072B2")
    d.rectangle([70, 340, 340, 356], fill="#222222")
    for k in range(5):
        d.line([(140 + k * 18, 258), (150 + k * 18, 290)], fill="#ffffff", width=3)
    card(d, 420, 90, [("Trail Runner 4", "#111111"), ("EUR 129.00", "#0072B2")])
    d.text((24, 530), "Size", fill="#444444")
    for k, size in enumerate(["38", "39", "40", "41", "42"]):
        x = 24 + k * 70
        sel = size == "39"
        d.rounded_rectangle([x, 556, x + 58, 600], radius=10, fill="#0072B2" if sel else "#ffffff", outline="#c4c9d0")
        d.text((x + 22, 572), size, fill="#ffffff" if sel else "#111111")
    d.text((24, 616), "Size chart?  Fits small, say 31% of reviews", fill="#D55E00")
    d.rounded_rectangle([16, 680, W - 16, 736], radius=14, fill="#111111")
    d.text((150, 700), "Add to basket", fill="#ffffff")


def checkout(d):
    d.text((24, 124), "Step 2 of 4: Delivery", fill="#444444")
    for k in range(4):
        d.rounded_rectangle([24 + k * 88, 148, 100 + k * 88, 156], radius=4, fill="#009E73" if k < 2 else "#d0d4da")
    for k, label in enumerate(["Full name", "Street and number", "Postcode", "City", "Phone"]):
        y = 180 + k * 78
        d.text((24, y), label, fill="#444444")
        d.rounded_rectangle([16, y + 20, W - 16, y + 64], radius=10, fill="#ffffff", outline="#c4c9d0" if k != 2 else "#D55E00", width=2)
    d.text((24, 448), "Postcode does not match the city", fill="#D55E00")
    d.rounded_rectangle([16, 680, W - 16, 736], radius=14, fill="#009E73")
    d.text((140, 700), "Continue to payment", fill="#ffffff")


def tracking(d):
    card(d, 124, 120, [("Your order is on its way", "#111111"), ("Arrives Thursday, 10:00-14:00", "#444444"), ("Parcel 3 of 3", "#888888")])
    for k, (label, done) in enumerate([("Ordered", True), ("Packed", True), ("Shipped", True), ("Out for delivery", False), ("Delivered", False)]):
        y = 280 + k * 70
        d.ellipse([32, y, 56, y + 24], fill="#009E73" if done else "#ffffff", outline="#009E73", width=3)
        if k < 4:
            d.line([(44, y + 26), (44, y + 68)], fill="#009E73" if done else "#c4c9d0", width=3)
        d.text((72, y + 4), label, fill="#111111" if done else "#888888")


def portrait(path, skin, hair, shirt, background):
    size = 240
    im = Image.new("RGB", (size, size), background)
    d = ImageDraw.Draw(im)
    d.ellipse([40, 170, 200, 330], fill=shirt)          # shoulders
    d.rectangle([104, 140, 136, 190], fill=skin)         # neck
    d.ellipse([68, 40, 172, 160], fill=skin)             # face
    d.pieslice([60, 24, 180, 130], 180, 360, fill=hair)  # hair
    d.ellipse([96, 92, 106, 102], fill="#222222")
    d.ellipse([134, 92, 144, 102], fill="#222222")
    d.arc([100, 110, 140, 140], 20, 160, fill="#7a3b2e", width=3)
    im.save(path, quality=88)


def main():
    os.makedirs(os.path.join(HERE, "screens"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "people"), exist_ok=True)
    phone("Trail Runner 4", "#0072B2", product).save(os.path.join(HERE, "screens", "product-page.png"), optimize=True)
    phone("Checkout", "#009E73", checkout).save(os.path.join(HERE, "screens", "checkout-delivery.jpg"), quality=85)
    phone("Track your order", "#CC79A7", tracking).save(os.path.join(HERE, "screens", "tracking.webp"), quality=80, method=6)
    portrait(os.path.join(HERE, "people", "maya.jpg"), "#e0b08c", "#3b2314", "#0072B2", "#dbe9f4")
    portrait(os.path.join(HERE, "people", "tom.jpg"), "#c68b62", "#1e1e1e", "#D55E00", "#f6e3d6")


if __name__ == "__main__":
    main()
