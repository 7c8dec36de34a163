print("tenboard")
