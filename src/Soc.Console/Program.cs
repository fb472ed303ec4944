Console.WriteLine("soc");
