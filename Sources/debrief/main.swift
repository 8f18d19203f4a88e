print("debrief")
